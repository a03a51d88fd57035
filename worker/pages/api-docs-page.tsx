import type { OpenApiDocument } from "../openapi/spec";

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  tags: string[];
  summary?: string;
  parameters?: { name: string; in: string; required: boolean; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  security: Record<string, string[]>[];
  "x-factline-access"?: { roles: "public" | readonly string[]; rule?: string; sessionOnly?: boolean };
}

/** A schema in a few words: its type and the constraints a caller trips over. */
function describe(schema: Schema | undefined, doc: OpenApiDocument): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? "";
  const parts: string[] = [];
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) parts.push(alternatives.map((s) => (typeof s.description === "string" ? s.description : describe(s, doc))).join(" | "));
  if (schema.type) parts.push(Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type));
  if (schema.type === "array" && schema.items) parts.push(`of ${describe(schema.items as Schema, doc)}`);
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (schema.const !== undefined) parts.push(`= ${JSON.stringify(schema.const)}`);
  if (schema.format) parts.push(`(${String(schema.format)})`);
  for (const [key, word] of [["minLength", "min length"], ["maxLength", "max length"], ["minimum", "min"], ["exclusiveMinimum", ">"], ["maximum", "max"], ["maxItems", "max items"]] as const) {
    // The largest safe integer is zod's bound on every integer, not a limit worth reading.
    if (schema[key] !== undefined && schema[key] !== Number.MAX_SAFE_INTEGER) parts.push(`${word} ${String(schema[key])}`);
  }
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(" ");
}

const resolve = (schema: Schema, doc: OpenApiDocument): Schema =>
  typeof schema.$ref === "string" ? (doc.components.schemas[schema.$ref.split("/").pop() ?? ""] ?? schema) : schema;

function Auth(props: { op: Operation }) {
  const access = props.op["x-factline-access"];
  if (!access || access.roles === "public") return <p>Auth: none (public).</p>;
  const via = access.sessionOnly ? "the session cookie only" : "the session cookie or a bearer token";
  return (
    <p>
      Auth: {via}; role: {access.roles.join(", ")}
      {access.rule ? `; then ${access.rule}` : ""}.
    </p>
  );
}

function Body(props: { op: Operation; doc: OpenApiDocument }) {
  const schema = props.op.requestBody?.content["application/json"].schema;
  if (!schema) return null;
  const resolved = resolve(schema, props.doc);
  const properties = (resolved.properties ?? {}) as Record<string, Schema>;
  const required = (resolved.required ?? []) as string[];
  return (
    <>
      <h4>JSON body{schema.$ref ? ` (${describe(schema, props.doc)})` : ""}</h4>
      {Object.keys(properties).length ? (
        <ul>
          {Object.entries(properties).map(([name, property]) => (
            <li>
              <code>{name}</code>
              {required.includes(name) ? " (required)" : ""}: {describe(property, props.doc)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{describe(resolved, props.doc)}</p>
      )}
      <details>
        <summary>JSON Schema</summary>
        <pre>{JSON.stringify(resolved, null, 2)}</pre>
      </details>
    </>
  );
}

/** /api/docs: the OpenAPI document as a plain page, no script and nothing remote. */
export function ApiDocsPage(props: { doc: OpenApiDocument }) {
  const { doc } = props;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })));
  const tags = [...new Set(operations.map((o) => o.op.tags[0] ?? ""))];
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.info.title} API`}</title>
        <link rel="stylesheet" href="/public.css" />
      </head>
      <body>
        <main id="main" class="api-docs">
          <h1>{`${doc.info.title} API`}</h1>
          <p>{doc.info.description}</p>
          <p>
            The same as OpenAPI {doc.openapi}: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are <code>{'{"error": {"code", "message", "details"?}}'}</code>.
          </p>
          <nav aria-label="Groups">
            <ul>
              {tags.map((tag) => (
                <li>
                  <a href={`#${tag}`}>{tag}</a>
                </li>
              ))}
            </ul>
          </nav>
          {tags.map((tag) => (
            <section id={tag}>
              <h2>{tag}</h2>
              {operations
                .filter((o) => o.op.tags[0] === tag)
                .map(({ path, method, op }) => (
                  <article id={op.operationId}>
                    <h3>
                      <code>
                        {method.toUpperCase()} {path}
                      </code>
                    </h3>
                    {op.summary ? <p>{op.summary}</p> : null}
                    <Auth op={op} />
                    {op.parameters?.length ? (
                      <>
                        <h4>Parameters</h4>
                        <ul>
                          {op.parameters.map((p) => (
                            <li>
                              <code>{p.name}</code> (in {p.in}
                              {p.required ? ", required" : ""}): {describe(p.schema, doc)}
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                    <Body op={op} doc={doc} />
                  </article>
                ))}
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
