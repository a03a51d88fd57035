import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { getDb } from "../../worker/db";

/**
 * The local D1 that `wrangler dev` serves, opened through wrangler's own platform proxy.
 * FACTLINE_PERSIST names another state folder (as `wrangler --persist-to` takes it), e.g. for the e2e server.
 */
export async function openLocalEnv() {
  const persistTo = process.env.FACTLINE_PERSIST;
  const proxy = await getPlatformProxy<Env>({
    configPath: "wrangler.toml",
    persist: persistTo ? { path: join(persistTo, "v3") } : true,
    remoteBindings: false,
  });
  return { env: proxy.env, db: getDb(proxy.env.DB), dispose: () => proxy.dispose() };
}
