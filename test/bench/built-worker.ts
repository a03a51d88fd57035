/**
 * The benchmarks' harness: the worker exactly as `wrangler deploy` would upload it, run by the
 * Miniflare that wrangler itself runs on (not `wrangler dev`, whose Node proxy caps every route at a
 * few hundred requests a second), on loopback, with all migrations applied and staff sessions made.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpus, loadavg, tmpdir } from "node:os";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export type Who = "checker" | "editor" | "editor2";

export interface BuiltWorker {
  url: string;
  db: D1Database;
  /** A JSON API call as a staff member (cookie session, same origin); throws on a non-2xx answer. */
  api: (method: string, path: string, who: Who, body?: unknown) => Promise<any>;
  cookie: (who: Who) => string;
  stop: () => Promise<void>;
}

const token = (who: Who) => `bench-${who}-token-0123456789abcdef0123456789`;
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export interface BootOptions {
  /** The worker's name, and the D1 database's. */
  name: string;
  port?: number;
  /** Extra text bindings (ENVIRONMENT, REQUEST_LOG, …). */
  vars?: Record<string, string>;
  /** Each structured log line the worker writes. */
  onLog?: (message: string) => void;
}

/**
 * Bundle the worker as `wrangler deploy --dry-run` does, run it in wrangler's own Miniflare with the
 * live desks bound as wrangler.toml binds them, and apply every migration to its fresh local D1.
 */
export async function bootBuiltWorker(options: BootOptions) {
  // wrangler bundles the workspace's static assets too: build them on a fresh clone.
  if (!existsSync("dist/web")) spawnSync("node_modules/.bin/tsx", ["scripts/build-web.ts"], { stdio: "inherit" });
  const out = mkdtempSync(join(tmpdir(), `${options.name}-`));
  const bundle = spawnSync("node_modules/.bin/wrangler", ["deploy", "--dry-run", "--outdir", out], { encoding: "utf8" });
  if (bundle.status !== 0) throw new Error(bundle.stderr);
  const { Miniflare } = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"))("miniflare") as typeof import("miniflare");
  const vars = { PUBLISHER_NAME: "Factline", PUBLISHER_URL: "https://factline.example", ...options.vars };
  const mf = new Miniflare({
    port: options.port ?? 0,
    host: "127.0.0.1",
    resourcePersistencePath: join(out, "state"),
    ...(options.onLog ? { handleStructuredLogs: ({ message }: { message: string }) => options.onLog!(message) } : {}),
    workers: [
      {
        config: {
          name: options.name,
          compatibilityDate: "2026-11-01",
          manifest: { mainModule: "index.js", modulesRoot: out, modules: { "index.js": { type: "esm", contents: readFileSync(join(out, "index.js"), "utf8") } } },
          env: {
            DB: { type: "d1", id: options.name },
            ...Object.fromEntries(Object.entries(vars).map(([k, value]) => [k, { type: "text", value }])),
            // The live desks, bound as wrangler.toml binds them: writes notify them as in production.
            ARTICLE_DESK: { type: "durable-object", worker: options.name, exportName: "ArticleDesk" },
            REVIEW_DESK: { type: "durable-object", worker: options.name, exportName: "ReviewDesk" },
          },
          exports: { ArticleDesk: { type: "durable-object", storage: "sqlite" }, ReviewDesk: { type: "durable-object", storage: "sqlite" } },
        },
      },
    ],
  } as never);
  const url = (await mf.ready).toString().replace(/\/$/, "");
  const db = (await mf.getD1Database("DB")) as unknown as D1Database;
  for (const file of readdirSync("schema/migrations").filter((f) => f.endsWith(".sql")).sort()) {
    for (const statement of readFileSync(join("schema/migrations", file), "utf8").split("--> statement-breakpoint")) {
      const sql = statement.split("\n").filter((line) => !line.trim().startsWith("--")).join("\n").trim();
      if (sql) await db.prepare(sql).run();
    }
  }
  return {
    url,
    db,
    dispose: async () => {
      await mf.dispose();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

export async function startBuiltWorker(): Promise<BuiltWorker> {
  // One log line a request would time the console too.
  const { url, db, dispose } = await bootBuiltWorker({ name: "factline-bench", vars: { ENVIRONMENT: "bench", REQUEST_LOG: "off" } });
  // Staff sessions straight into D1 (only their hashes are stored); everything else goes through the API.
  await db.batch([
    db.prepare("insert into users (email, name, role) values ('checker@bench', 'Checker', 'checker'), ('editor@bench', 'Editor', 'editor'), ('editor2@bench', 'Editor Two', 'editor')"),
    db
      .prepare("insert into sessions (token_hash, user_id, expires_at) values (?, 1, '2999-01-01T00:00:00Z'), (?, 2, '2999-01-01T00:00:00Z'), (?, 3, '2999-01-01T00:00:00Z')")
      .bind(sha(token("checker")), sha(token("editor")), sha(token("editor2"))),
  ]);
  const cookie = (who: Who) => `factline_session=${token(who)}`;
  async function api(method: string, path: string, who: Who, body?: unknown) {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: { cookie: cookie(who), origin: url, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }
  return {
    url,
    db,
    api,
    cookie,
    stop: dispose,
  };
}

/** Take a claim on `exact` in `text` through the workflow to published, as the app's users would. */
export async function publishClaim(w: BuiltWorker, articleId: number, text: string, exact: string, i: number) {
  const start = [...text.slice(0, text.indexOf(exact))].length;
  const ratings = ["true", "mostly-true", "half-true", "misleading", "mostly-false", "false", "unverifiable"];
  const { claim } = await w.api("POST", `/articles/${articleId}/claims`, "checker", {
    selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + [...exact].length }],
    claimant: { name: `Claimant ${i % 3}`, kind: "organization", description: null },
    ratingKey: ratings[i % ratings.length],
    explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Explanation ${i}: what the records show.` }] }] },
    sources: [{ url: `https://example.org/source/${i}`, title: `Source ${i}`, publisher: "Example" }],
  });
  let version = claim.version;
  for (const [action, who] of [["submit", "checker"], ["approve", "editor"], ["publish", "editor"]] as const) {
    version = (await w.api("POST", `/claims/${claim.id}/transitions`, who, { action, version })).claim.version;
  }
  return claim.id as number;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** When and where a figure was measured, for the heading of its table. */
export function measuredOn() {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpus().length} × ${cpu}, Node ${process.versions.node}, load average ${loadavg()[0].toFixed(1)} at the end`;
}

/** Replace the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in BENCHMARKS.md. */
export function writeSection(name: string, markdown: string) {
  const file = "BENCHMARKS.md";
  const text = readFileSync(file, "utf8");
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const from = text.indexOf(open);
  const to = text.indexOf(close);
  if (from < 0 || to < from) throw new Error(`BENCHMARKS.md has no ${open} … ${close} section`);
  writeFileSync(file, `${text.slice(0, from + open.length)}\n${markdown.trim()}\n${text.slice(to)}`);
}
