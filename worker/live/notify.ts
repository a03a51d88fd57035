import type { Context } from "hono";
import type { LiveChange, LiveChangeType, LiveEvent } from "../../schema/live";
import type { AppEnv } from "../env";

/** The article desk of article `id`, and the one review desk. */
export const articleDesk = (env: Env, id: number) => env.ARTICLE_DESK.get(env.ARTICLE_DESK.idFromName(`article:${id}`));
export const reviewDesk = (env: Env) => env.REVIEW_DESK.get(env.REVIEW_DESK.idFromName("queue"));

/** Tell both desks about a change: the article's and the review queue's. A desk that cannot be reached costs freshness only. */
export async function announce(env: Env, event: Omit<LiveEvent, "seq">) {
  const sent = await Promise.allSettled([async () => articleDesk(env, event.articleId).notify(event), async () => reviewDesk(env).notify(event)].map((send) => send()));
  for (const s of sent) if (s.status === "rejected") console.error("live desk not notified", s.reason);
}

/**
 * After a write committed in D1, announce it to the live desks. Call it only once the query resolved:
 * a write whose batch failed threw before this line, so nothing is announced for it. The response does
 * not wait: the desks hear of it through waitUntil.
 */
export function notifyLive(c: Context<AppEnv>, change: LiveChange) {
  const user = c.get("user");
  const sent = announce(c.env, { ...change, actor: user ? { id: user.id, name: user.name } : null });
  try {
    c.executionCtx.waitUntil(sent);
  } catch {
    // No execution context (a test calling app.request): the promise runs on by itself.
  }
}

/** The claim columns a change names. */
export interface ClaimIds {
  id: number;
  articleId: number;
  version: number;
  authorId: number;
  assigneeId: number | null;
}

/** The change for a claim as it now is: ids and its version, never its content. */
export const claimChange = (type: LiveChangeType, claim: ClaimIds, extra: Partial<LiveChange> = {}): LiveChange => ({
  type,
  articleId: claim.articleId,
  claimId: claim.id,
  version: claim.version,
  authorId: claim.authorId,
  assigneeId: claim.assigneeId,
  ...extra,
});
