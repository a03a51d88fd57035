/**
 * The worker that `npm run match` (and the match bench) run inside workerd, on a D1 binding: the app's
 * own import and match code, driven over HTTP by scripts/lib/match-miniflare.ts. Bundled by esbuild.
 */
import { getDb } from "../../worker/db";
import { importExternalReviews } from "../../worker/queries/fact-checks";
import { findSimilar } from "../../worker/queries/match";
import { externalFactChecks } from "../../schema/tables";
import { corpusReviews } from "./match-corpus";

export interface MatchWorkerEnv {
  DB: D1Database;
}

/** Answers the runner's requests; null for a path it does not know (the bench adds its own). */
export async function handleMatchRequest(request: Request, env: MatchWorkerEnv): Promise<Response | null> {
  const path = new URL(request.url).pathname;
  const db = getDb(env.DB);
  if (path === "/migrate") {
    const { statements } = (await request.json()) as { statements: string[] };
    await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
    return Response.json({ migrated: statements.length });
  }
  if (path === "/load") {
    // Corpus rows (`id`, claim, title) go in as external fact-checks, through the app's import.
    const { rows } = (await request.json()) as { rows: string[][] };
    return Response.json(await importExternalReviews(db, corpusReviews(rows), null));
  }
  if (path === "/ids") {
    const rows = await db.select({ id: externalFactChecks.id, key: externalFactChecks.key }).from(externalFactChecks);
    return Response.json(rows);
  }
  if (path === "/match") {
    // Several texts a request: each is its own findSimilar, as POST /api/match runs it.
    const { texts, limit } = (await request.json()) as { texts: string[]; limit: number };
    const results = [];
    for (const text of texts) results.push(await findSimilar(db, text, { limit }));
    return Response.json(results);
  }
  return null;
}

export default {
  async fetch(request: Request, env: MatchWorkerEnv): Promise<Response> {
    return (await handleMatchRequest(request, env)) ?? new Response("not found", { status: 404 });
  },
};
