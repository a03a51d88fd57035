import { Hono } from "hono";
import type { RouterRoute } from "hono/types";
import type { AppEnv } from "../env";
import { buildOpenApi, type OpenApiDocument } from "../openapi/spec";
import { ApiDocsPage } from "../pages/api-docs-page";

/**
 * GET /openapi.json and /docs: the API described from the app's own routes. `routes` is read on the
 * first request, once the app is complete, and the document is kept for the isolate's life.
 */
export function apiDocsRoutes(routes: () => readonly RouterRoute[]) {
  let doc: OpenApiDocument | undefined;
  const document = () => (doc ??= buildOpenApi(routes(), { title: "Factline", version: "1" }));
  return new Hono<AppEnv>()
    .get("/openapi.json", (c) => c.json(document(), 200, { "cache-control": "public, max-age=300" }))
    .get("/docs", (c) => c.html(`<!doctype html>${String(<ApiDocsPage doc={document()} />)}`, 200, { "cache-control": "public, max-age=300" }));
}
