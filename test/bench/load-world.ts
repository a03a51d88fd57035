/**
 * The load test's world: the worker bundled exactly as `wrangler deploy` would upload it, run by the
 * Miniflare that wrangler itself runs on (no `wrangler dev` proxy), on loopback, with a fresh local D1
 * migrated from schema/migrations; staff sessions straight into D1; articles and claims through the API.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Who = `checker${number}` | `editor${number}`;

export const checkers = ["checker1", "checker2", "checker3", "checker4"] as const satisfies Who[];
export const editors = ["editor1", "editor2", "editor3", "editor4"] as const satisfies Who[];

const sessionToken = (who: Who) => `load-${who}-token-0123456789abcdef0123456789`;
export const cookieOf = (who: Who) => `factline_session=${sessionToken(who)}`;

/** Words no other text has: generated texts are never near-duplicates of each other. */
export function uniqueWords(tag: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${tag}w${i.toString(36)}`).join(" ");
}

export interface World {
  url: string;
  db: D1Database;
  /** JSON log lines the worker wrote (REQUEST_LOG on), as parsed objects, and lines that were not JSON. */
  logs: { lines: Record<string, unknown>[]; other: string[] };
  dispose(): Promise<void>;
}

export async function startWorld(port: number): Promise<World> {
  // wrangler bundles the workspace's assets too: build them once if this clone has not yet.
  if (!existsSync("dist/web")) {
    const web = spawnSync("npm", ["run", "-s", "build:web"], { encoding: "utf8" });
    if (web.status !== 0) throw new Error(web.stderr);
  }
  const out = mkdtempSync(join(tmpdir(), "factline-load-"));
  const bundle = spawnSync("node_modules/.bin/wrangler", ["deploy", "--dry-run", "--outdir", out], { encoding: "utf8" });
  if (bundle.status !== 0) throw new Error(bundle.stderr);
  const require = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"));
  const { Miniflare } = require("miniflare") as typeof import("miniflare");
  const logs: World["logs"] = { lines: [], other: [] };
  const mf = new Miniflare({
    port,
    host: "127.0.0.1",
    resourcePersistencePath: join(out, "state"),
    handleStructuredLogs: ({ message }: { message: string }) => {
      try {
        logs.lines.push(JSON.parse(message));
      } catch {
        logs.other.push(message);
      }
    },
    workers: [
      {
        config: {
          name: "factline-load",
          compatibilityDate: "2026-11-01",
          manifest: { mainModule: "index.js", modulesRoot: out, modules: { "index.js": { type: "esm", contents: readFileSync(join(out, "index.js"), "utf8") } } },
          env: {
            DB: { type: "d1", id: "factline-load" },
            ENVIRONMENT: { type: "text", value: "load" },
            PUBLISHER_NAME: { type: "text", value: "Factline" },
            PUBLISHER_URL: { type: "text", value: "https://factline.example" },
            // The live desks, bound as wrangler.toml binds them: writes notify them as in production.
            ARTICLE_DESK: { type: "durable-object", worker: "factline-load", exportName: "ArticleDesk" },
            REVIEW_DESK: { type: "durable-object", worker: "factline-load", exportName: "ReviewDesk" },
            REQUEST_LOG: { type: "text", value: process.env.LOAD_REQUEST_LOG ?? "on" },
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
  const people = [...checkers, ...editors];
  const sha = (s: string) => createHash("sha256").update(s).digest("hex");
  await db.batch(
    people.flatMap((who, i) => [
      db.prepare("insert into users (id, email, name, role) values (?, ?, ?, ?)").bind(i + 1, `${who}@load`, who, who.startsWith("editor") ? "editor" : "checker"),
      db.prepare("insert into sessions (token_hash, user_id, expires_at) values (?, ?, '2999-01-01T00:00:00Z')").bind(sha(sessionToken(who)), i + 1),
    ]),
  );
  return {
    url,
    db,
    logs,
    async dispose() {
      await mf.dispose();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
