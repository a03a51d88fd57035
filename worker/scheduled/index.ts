import { getDb } from "../db";
import { announce } from "../live/notify";
import { deliverWebhooks } from "./deliver-webhooks";
import { watchSources } from "./watch-sources";

/** Who we are to the servers we call: publishers see this in their logs, with where to reach us. */
export const userAgent = (env: Env) => `FactlineBot/1.0 (+${env.PUBLISHER_URL}; fact-check stealth-edit watch and webhooks)`;

/** The Cron Trigger (wrangler.toml [triggers]): webhook deliveries and retries, then the stealth-edit watch. */
export async function scheduled(controller: ScheduledController, env: Env) {
  const db = getDb(env.DB);
  const now = controller.scheduledTime;
  const [webhooks, watch] = await Promise.allSettled([deliverWebhooks(db, now, userAgent(env)), watchSources(db, now, userAgent(env))]);
  for (const outcome of [webhooks, watch]) if (outcome.status === "rejected") console.error("scheduled task failed", outcome.reason);
  // Revisions the watch saved (each committed by then) reach whoever has the article open.
  if (watch.status === "fulfilled") await Promise.all(watch.value.revised.map((articleId) => announce(env, { type: "article.revised", articleId, actor: null })));
}
