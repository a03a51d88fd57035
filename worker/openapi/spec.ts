import type { RouterRoute } from "hono/types";
import { findTargetHandler } from "hono/utils/handler";
import { z } from "zod";
import * as annotationInputs from "../../schema/annotation-inputs";
import * as inputs from "../../schema/inputs";
import * as matchingInputs from "../../schema/matching-inputs";
import * as searchInputs from "../../schema/search-inputs";
import { minimumRole, routeAccess } from "../../schema/route-access";
import { sessionCookie } from "../auth/sessions";
import { apiErrorBody } from "../http/errors";
import { documentedInput, type DocumentedInput } from "../http/validate";

type JsonSchema = Record<string, unknown>;

/** The exported zod schemas of schema/: a route validating with one of them refers to it by name. */
const namedSchemas = new Map<unknown, string>(
  Object.entries({ ...inputs, ...matchingInputs, ...annotationInputs, ...searchInputs }).flatMap(([name, value]) => (value instanceof z.ZodType ? [[value, name] as const] : [])),
);

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1, of what a client sends (the input side of coercions and defaults). */
const jsonSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
};

/** Hono's `/claims/:id` as OpenAPI's `/claims/{id}`, with any regex of the parameter dropped. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?\??/g, "{$1}");

const operationId = (method: string, path: string) =>
  method.toLowerCase() +
  path
    .split("/")
    .filter(Boolean)
    .map((part) => (part.startsWith(":") ? `By${part.slice(1, 2).toUpperCase()}${part.slice(2)}` : part))
    .map((part) => part.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase()))
    .map((part) => part.slice(0, 1).toUpperCase() + part.slice(1))
    .join("") || `${method.toLowerCase()}Index`;

/** The routes an OpenAPI document describes: every method-specific, non-wildcard route of the app. */
export function documentedRoutes(routes: readonly RouterRoute[]) {
  const byKey = new Map<string, { method: string; path: string; inputs: DocumentedInput[] }>();
  for (const route of routes) {
    if (route.method === "ALL" || route.path.endsWith("*")) continue;
    const key = `${route.method} ${route.path}`;
    const entry = byKey.get(key) ?? { method: route.method, path: route.path, inputs: [] };
    const input = (findTargetHandler(route.handler) as { [documentedInput]?: DocumentedInput })[documentedInput];
    if (input) entry.inputs.push(input);
    byKey.set(key, entry);
  }
  return [...byKey.entries()];
}

function parameters(path: string, found: DocumentedInput[]) {
  const params: JsonSchema[] = [];
  for (const where of ["param", "query"] as const) {
    for (const input of found.filter((i) => i.target === where)) {
      const schema = jsonSchema(input.schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const required = where === "param" || (schema.required ?? []).includes(name);
        params.push({ name, in: where === "param" ? "path" : "query", required, schema: property, ...(property.description ? { description: property.description } : {}) });
      }
    }
  }
  // Path parameters no validator describes are plain strings.
  for (const [, name] of path.matchAll(/:([A-Za-z0-9_]+)/g)) {
    if (!params.some((p) => p.in === "path" && p.name === name)) params.push({ name, in: "path", required: true, schema: { type: "string" } });
  }
  return params;
}

function requestBody(found: DocumentedInput[], schemas: Record<string, JsonSchema>) {
  const body = found.find((i) => i.target === "json");
  if (!body) return undefined;
  const name = namedSchemas.get(body.schema);
  if (name) schemas[name] ??= jsonSchema(body.schema);
  return { required: true, content: { "application/json": { schema: name ? { $ref: `#/components/schemas/${name}` } : jsonSchema(body.schema) } } };
}

/** How a caller proves who they are; an empty list means no proof is needed. */
const securityOf = (key: string) => {
  const access = routeAccess[key];
  if (!access || access.roles === "public") return [];
  return access.sessionOnly ? [{ sessionCookie: [] }] : [{ sessionCookie: [] }, { bearerToken: [] }];
};

/**
 * The OpenAPI 3.1 document of the app: paths and methods from its registered routes, parameters and
 * request bodies from the zod schemas their validators check, who may call each from schema/route-access.ts.
 */
export function buildOpenApi(routes: readonly RouterRoute[], info: { title: string; version: string }) {
  const schemas: Record<string, JsonSchema> = { ApiError: jsonSchema(apiErrorBody) };
  // The shapes an import reads item by item (each annotation on its own) are documented beside the bodies.
  for (const [schema, name] of namedSchemas) if (name === "hypothesisAnnotation" || name === "w3cAnnotation") schemas[name] = jsonSchema(schema as z.ZodType);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, { method, path, inputs: found }] of documentedRoutes(routes)) {
    const access = routeAccess[key];
    const body = requestBody(found, schemas);
    const params = parameters(path, found);
    const tag = path.startsWith("/api/") ? path.split("/")[2] : "pages";
    (paths[openApiPath(path)] ??= {})[method.toLowerCase()] = {
      operationId: operationId(method, path),
      tags: [tag],
      ...(access ? { summary: access.summary } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      security: securityOf(key),
      ...(access
        ? { "x-factline-access": { minimumRole: minimumRole(access), roles: access.roles, ...(access.rule ? { rule: access.rule } : {}), ...(access.sessionOnly ? { sessionOnly: true } : {}) } }
        : {}),
      responses: {
        "2XX": { description: "Success." },
        "4XX": { description: "Refused: the status and `error.code` say why.", content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } },
        "503": {
          description: "The database is unavailable for a moment (`error.code` \"unavailable\"): send the same request again after `Retry-After` seconds.",
          headers: { "Retry-After": { schema: { type: "integer" } } },
          content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { ...info, description: "Factline's JSON API under /api, and its public pages. Writes with the session cookie must come from the app's own origin (CSRF); scripts use an API token." },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas,
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: sessionCookie, description: "Set by POST /api/auth/login." },
        bearerToken: { type: "http", scheme: "bearer", description: "An API token (POST /api/auth/tokens), acting with its owner's role." },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;
