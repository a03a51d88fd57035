import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

/** One request as its log line tells it (JSON, one line a request). */
export interface RequestLog {
  requestId: string;
  method: string;
  /** The route pattern that answered ("/api/claims/:id"), not the path: lines group by route. */
  route: string;
  status: number;
  durationMs: number;
  d1RoundTrips: number;
  /** What went wrong, for a 5xx. */
  error?: string;
}

/**
 * Observability, outermost: every response carries `Server-Timing` (the app's time and its D1 round trips)
 * and `X-Request-Id` (Cloudflare's cf-ray when there is one), and every request writes one JSON log line,
 * unless the REQUEST_LOG var is "off" (the tests). Workers clocks move only across I/O, so the duration is
 * the request's wall time as the runtime lets a worker see it. `write` is where the line goes (console.log).
 */
export function observeRequests(write: (line: string) => void = (line) => console.log(line)) {
  return createMiddleware<AppEnv>(async function observe(c, next) {
    const started = performance.now();
    const requestId = c.req.header("cf-ray") ?? crypto.randomUUID();
    let roundTrips = () => 0;
    c.set("observe", { countRoundTrips: (count) => (roundTrips = count) });
    await next();
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const d1RoundTrips = roundTrips();
    const timing = `app;dur=${durationMs}, d1;desc="${d1RoundTrips} round trip${d1RoundTrips === 1 ? "" : "s"}"`;
    try {
      c.res.headers.set("Server-Timing", timing);
      c.res.headers.set("X-Request-Id", requestId);
    } catch {
      // A response with immutable headers (straight from the Cache API or a fetch): copy it once.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set("Server-Timing", timing);
      c.res.headers.set("X-Request-Id", requestId);
    }
    if (c.env.REQUEST_LOG === "off") return;
    const line: RequestLog = { requestId, method: c.req.method, route: c.req.routePath, status: c.res.status, durationMs, d1RoundTrips };
    if (c.res.status >= 500 && c.error) line.error = c.error.message;
    write(JSON.stringify(line));
  });
}
