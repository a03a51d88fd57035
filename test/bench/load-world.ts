/**
 * The load test's world: the benchmarks' built worker (test/bench/built-worker.ts) on a port of its
 * own, with its request log read back; staff sessions straight into D1; articles and claims through the API.
 */
import { createHash } from "node:crypto";
import { bootBuiltWorker } from "./built-worker";

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
  const logs: World["logs"] = { lines: [], other: [] };
  const { url, db, dispose } = await bootBuiltWorker({
    name: "factline-load",
    port,
    vars: { ENVIRONMENT: "load", REQUEST_LOG: process.env.LOAD_REQUEST_LOG ?? "on" },
    onLog(message) {
      try {
        logs.lines.push(JSON.parse(message));
      } catch {
        logs.other.push(message);
      }
    },
  });
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
    dispose,
  };
}
