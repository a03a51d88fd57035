import app from "./app";
import { scheduled } from "./scheduled";

export type { AppType } from "./app";
/** The live desks (Durable Objects, bound in wrangler.toml). */
export { ArticleDesk } from "./live/article-desk";
export { ReviewDesk } from "./live/review-desk";
export default {
  fetch: app.fetch,
  scheduled: (controller, env) => scheduled(controller, env),
} satisfies ExportedHandler<Env>;
