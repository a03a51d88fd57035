import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { countingD1 } from "./d1-round-trips";
import { getDb } from "./db";
import type { AppEnv } from "./env";
import { openD1Session } from "./http/d1-session";
import { publicWriteCommitted } from "./http/public-memory";
import { apiError, notFound, onError } from "./http/errors";
import { authenticate, sameOriginWrites } from "./middleware/auth";
import { observeRequests } from "./middleware/observe";
import { securityHeaders } from "./middleware/security";
import { annotationImportRoutes } from "./routes/annotation-import";
import { apiDocsRoutes } from "./routes/api-docs";
import { articleRoutes } from "./routes/articles";
import { annotationRoutes, publicApi } from "./routes/annotations";
import { authRoutes } from "./routes/auth";
import { feedRoutes } from "./routes/feeds";
import { claimantRoutes } from "./routes/claimants";
import { claimRoutes } from "./routes/claims";
import { publishPreviewRoutes } from "./routes/publish-preview";
import { claimLinkRoutes } from "./routes/claim-links";
import { matchRoutes } from "./routes/match";
import { searchRoutes } from "./routes/search";
import { factCheckRoutes } from "./routes/fact-checks";
import { liveRoutes } from "./routes/live";
import { publicPages } from "./routes/public-pages";
import { ratingScaleRoutes } from "./routes/rating-scale";
import { siteRoutes } from "./routes/site";
import { sitePages } from "./routes/site-pages";
import { suggestionRoutes } from "./routes/suggestions";
import { userRoutes } from "./routes/users";
import { watchRoutes } from "./routes/watch";
import { webhookRoutes } from "./routes/webhooks";

/** Largest request body: an article of maxArticleChars in UTF-8 with room for JSON escaping. */
export const maxBodyBytes = 2 * 1024 * 1024;

const api = new Hono<AppEnv>()
  .use(bodyLimit({ maxSize: maxBodyBytes, onError: () => { throw apiError(413, "payload_too_large", `Request bodies are limited to ${maxBodyBytes / 1024 / 1024} MiB.`); } }))
  .use(authenticate)
  .use(sameOriginWrites)
  .get("/health", (c) => c.json({ ok: true }))
  // One D1 round trip and nothing else: a readiness probe, and the benchmark's floor for D1-backed pages.
  .get("/health/db", async (c) => c.json({ ok: (await c.env.DB.prepare("select 1 as ok").first<{ ok: number }>())?.ok === 1 }))
  .route("/rating-scale", ratingScaleRoutes)
  .route("/auth", authRoutes)
  .route("/users", userRoutes)
  .route("/articles", articleRoutes)
  .route("/articles", suggestionRoutes)
  .route("/articles", annotationImportRoutes)
  .route("/claims", claimRoutes)
  .route("/claims", claimLinkRoutes)
  .route("/claims", publishPreviewRoutes)
  .route("/match", matchRoutes)
  .route("/search", searchRoutes)
  .route("/fact-checks", factCheckRoutes)
  .route("/claimants", claimantRoutes)
  .route("/public", publicApi)
  .route("/webhooks", webhookRoutes)
  .route("/watch", watchRoutes)
  .route("/", liveRoutes)
  .route("/", siteRoutes);

const app = new Hono<AppEnv>()
  .use(observeRequests())
  .use(securityHeaders)
  .use(async (c, next) => {
    // The API reads through a D1 session (read replicas with read-your-writes); public pages read as before.
    const session = c.req.path.startsWith("/api/") ? openD1Session(c) : null;
    const counted = countingD1(session?.d1 ?? c.env.DB);
    c.set("db", getDb(counted.d1));
    c.get("observe")?.countRoundTrips(counted.roundTrips);
    await next();
    session?.finish(Boolean(c.get("user")));
    // A write committed here may change public pages: until a version read after it comes back, this isolate's public pages read D1.
    if (session && c.req.method !== "GET" && c.req.method !== "HEAD" && c.res.status < 400) publicWriteCommitted(c);
    // Outside production, every response says how many D1 round trips it cost (tests and benchmarks read it).
    if (c.env.ENVIRONMENT !== "production") c.res.headers.set("x-d1-round-trips", String(counted.roundTrips()));
  })
  .route("/api", api)
  .route("/", publicPages)
  .route("/", sitePages)
  .route("/", annotationRoutes)
  .route("/", feedRoutes);

// The API described from the complete app's routes (read at the first request), so outside AppType.
app.route("/api", apiDocsRoutes(() => app.routes));
app.onError(onError);
app.notFound(notFound);

export type AppType = typeof api;
export default app;
