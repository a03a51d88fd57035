import type { Context } from "hono";
import type { SiteConfig } from "../domain/public-view";
import type { AppEnv } from "../env";

/** Where this site lives and who publishes it. */
export function siteConfig(c: Context<AppEnv>): SiteConfig {
  return { baseUrl: new URL(c.req.url).origin, publisherName: c.env.PUBLISHER_NAME, publisherUrl: c.env.PUBLISHER_URL };
}
