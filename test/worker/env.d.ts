import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** File name → text of each sample article in FACTLINE_SEEDS. */
      TEST_SEEDS: Record<string, string>;
      MODEL_RUNS: string;
      MODEL_SEED: string;
      MODEL_MAX_COMMANDS: string;
      MODEL_FULL_CHECKS: string;
      MODEL_PARALLEL: string;
    }
    interface GlobalProps {
      mainModule: typeof import("../../worker/index");
    }
  }
}
