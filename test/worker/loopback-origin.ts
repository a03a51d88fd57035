import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A server on 127.0.0.1 that worker tests script: a publisher's site, a webhook receiver. */
    loopbackOrigin: string;
  }
}

interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer 304 when the request's If-None-Match equals this. */
  etag?: string;
}

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((done) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (d) => (body += d));
    req.on("end", () => done(body));
  });

/**
 * Global setup of the worker tests: a scriptable HTTP server on loopback. Worker test files run side by
 * side, so each works under a namespace of its own, the first segment of the path (`/watch/…`,
 * `/webhooks/…`): tests (inside workerd) POST `/<ns>/__script` with `{ path: [responses…] }` (the last one
 * repeats), read `/<ns>/__seen`, and POST `/<ns>/__reset`; paths inside a namespace are seen without it.
 */
export default async function setup(project: TestProject) {
  const spaces = new Map<string, { script: Record<string, Scripted[]>; seen: Seen[] }>();
  const space = (ns: string) => spaces.get(ns) ?? spaces.set(ns, { script: {}, seen: [] }).get(ns)!;
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const [, ns = "", ...rest] = (req.url ?? "/").split("/");
    const path = `/${rest.join("/")}`;
    const state = space(ns);
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (path === "/__script") return reply(200, (Object.assign(state.script, JSON.parse(body)), { ok: true }));
    if (path === "/__seen") return reply(200, state.seen);
    if (path === "/__reset") return reply(200, (spaces.delete(ns), { ok: true }));
    state.seen.push({ method: req.method ?? "GET", path, headers: req.headers, body });
    const queue = state.script[path];
    const next = queue && (queue.length > 1 ? queue.shift()! : queue[0]);
    if (!next) return reply(404, { error: "not scripted" });
    if (next.etag && req.headers["if-none-match"] === next.etag) {
      res.writeHead(304, { etag: next.etag });
      return res.end();
    }
    res.writeHead(next.status, { ...(next.etag ? { etag: next.etag } : {}), ...next.headers });
    res.end(next.body ?? "");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  project.provide("loopbackOrigin", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () => new Promise<void>((done) => server.close(() => done()));
}
