import { beforeAll, describe, expect, it } from "vitest";
import app from "../../worker/app";
import { routeAccess } from "../../schema/route-access";
import { openApiPath } from "../../worker/openapi/spec";
import { routeMatrix } from "./route-matrix";
import { call, json, type Who } from "./support";

const roleOf: Record<Who, "public" | "checker" | "editor" | "admin"> = { public: "public", checker: "checker", checker2: "checker", editor: "editor", editor2: "editor", admin: "admin" };
const rank = { public: 0, checker: 1, editor: 2, admin: 3 } as const;
const refused = (status: number) => status === 401 || status === 403;

/** The least role the route × role matrix lets past a route's door: someone of that role got anything but 401 or 403 in some row. */
function matrixMinimumRole(key: string) {
  const rows = routeMatrix.filter((r) => `${r.method} ${r.route}` === key);
  const through = rows.flatMap((row) => (Object.entries(row.expect) as [Who, number][]).filter(([, status]) => !refused(status)).map(([who]) => roleOf[who]));
  return through.sort((a, b) => rank[a] - rank[b])[0] ?? "nobody";
}

const registered = [...new Set(app.routes.filter((r) => r.method !== "ALL" && !r.path.endsWith("*")).map((r) => `${r.method} ${r.path}`))];
let spec: any;

/** Every $ref in a value. */
const refs = (value: unknown): string[] =>
  value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refs(v))) : [];

describe("OpenAPI document", () => {
  beforeAll(async () => {
    const res = await call("/api/openapi.json");
    expect(res.status).toBe(200);
    spec = await json(res);
  });

  it("is shaped like OpenAPI 3.1: version, info, paths, components, and every reference resolves", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info).toMatchObject({ title: "Factline", version: expect.any(String) });
    expect(Object.keys(spec.paths).length).toBeGreaterThan(40);
    expect(Object.keys(spec.paths).every((p) => p.startsWith("/") && !p.includes(":"))).toBe(true);
    expect(spec.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: "apiKey", in: "cookie", name: "factline_session" }),
      bearerToken: expect.objectContaining({ type: "http", scheme: "bearer" }),
    });
    const unresolved = refs(spec).filter((ref) => {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      return !section || !spec.components[section]?.[name!];
    });
    expect(unresolved).toEqual([]);
    for (const [path, methods] of Object.entries<any>(spec.paths)) {
      for (const op of Object.values<any>(methods)) {
        expect(op.responses, path).toBeTypeOf("object");
        const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        const declared = (op.parameters ?? []).filter((p: any) => p.in === "path").map((p: any) => p.name).sort();
        expect(declared, `${path} path parameters`).toEqual(templated);
        for (const alternative of op.security) expect(Object.keys(alternative).every((s) => s in spec.components.securitySchemes)).toBe(true);
      }
    }
  });

  it("describes every route the app registers", () => {
    const missing = registered.filter((key) => {
      const [method, path] = key.split(" ") as [string, string];
      return !spec.paths[openApiPath(path)]?.[method.toLowerCase()]?.summary;
    });
    expect(missing).toEqual([]);
    // And the access table names no route that is gone.
    expect(Object.keys(routeAccess).filter((key) => !registered.includes(key))).toEqual([]);
  });

  it("documents each route's auth as the route × role matrix finds it", () => {
    const differences = registered.flatMap((key) => {
      const [method, path] = key.split(" ") as [string, string];
      const op = spec.paths[openApiPath(path)]?.[method.toLowerCase()];
      const documented = { minimumRole: op?.["x-factline-access"]?.minimumRole, needsProof: (op?.security ?? []).length > 0 };
      const minimum = matrixMinimumRole(key);
      const found = { minimumRole: minimum, needsProof: minimum !== "public" };
      return JSON.stringify(documented) === JSON.stringify(found) ? [] : [{ key, documented, found }];
    });
    expect(differences).toEqual([]);
  });

  it("takes request bodies and parameters from the routes' zod schemas", () => {
    const importArticle = spec.paths["/api/articles"].post;
    expect(importArticle.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/articleImportInput" });
    const input = spec.components.schemas.articleImportInput;
    expect(input.required).toEqual(["text"]);
    expect(input.properties.text).toMatchObject({ type: "string", minLength: 1, maxLength: 400000 });
    expect(input.properties.format.enum).toEqual(["text", "markdown", "html"]);
    const list = spec.paths["/api/articles"].get.parameters.map((p: any) => p.name);
    expect(list).toEqual(expect.arrayContaining(["limit", "offset"]));
    expect(spec.paths["/api/claims/{id}"].patch.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true, schema: expect.objectContaining({ type: "integer" }) })]);
    expect(spec.paths["/api/auth/tokens"].post.security).toEqual([{ sessionCookie: [] }]);
    const annotations = spec.paths["/api/articles/{id}/annotations/import"].post;
    expect(annotations.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/annotationImportDocument" });
    expect(spec.components.schemas.annotationImportDocument.anyOf.map((s: any) => s.description)).toContain("Hypothesis search result (rows of hypothesisAnnotation)");
    expect(spec.components.schemas.hypothesisAnnotation.required).toEqual(expect.arrayContaining(["id", "uri", "target"]));
    expect(spec.paths["/api/webhooks"].get["x-factline-access"]).toMatchObject({ minimumRole: "admin", roles: ["admin"] });
  });
});

describe("GET /api/docs", () => {
  it("lists every operation with its auth, as HTML without script or remote assets", async () => {
    const res = await call("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema\.org)[^"'\s<]*\.(js|css)/i);
    expect(html).toContain("<code>POST /api/articles/{id}/claims</code>");
    expect(html).toContain("Auth: the session cookie only; role: checker, editor, admin; then canCreateApiToken");
    expect(html).toContain("Auth: none (public).");
    expect(html.match(/<article id=/g)?.length).toBe(registered.length);
  });
});
