import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** File name → text of each sample article in FACTLINE_SEEDS. */
      TEST_SEEDS: Record<string, string>;
    }
    interface GlobalProps {
      mainModule: typeof import("../../worker/index");
    }
  }
}
