/**
 * Run only the model-based test, with as many sequences as asked:
 *   npm run test:model -- --runs 20000 [--max-commands 8] [--full-checks] [--seed N]
 * The options travel to the workerd test as bindings (see vitest.config.ts).
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "20000" },
    "max-commands": { type: "string", default: "8" },
    "full-checks": { type: "boolean", default: false },
    seed: { type: "string" },
  },
});
const started = Date.now();
const result = spawnSync("npx", ["vitest", "run", "--project", "worker", "test/worker/model/"], {
  stdio: "inherit",
  env: {
    ...process.env,
    MODEL_RUNS: values.runs,
    MODEL_MAX_COMMANDS: values["max-commands"],
    MODEL_FULL_CHECKS: values["full-checks"] ? "1" : "",
    ...(values.seed ? { MODEL_SEED: values.seed } : {}),
  },
});
console.log(`test:model: ${values.runs} sequences in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(result.status ?? 1);
