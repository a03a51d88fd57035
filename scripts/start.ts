/**
 * npm start: build web/, migrate and seed the local D1, then serve everything with `wrangler dev`.
 * Local development only: the demo accounts it prints never exist on a deployed worker.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";

const port = process.env.PORT ?? "8787";

function run(step: string, command: string, args: string[]) {
  console.log(`\n▶ ${step}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`✖ ${step} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

// .dev.vars marks this checkout as local development, which is what allows the demo accounts.
if (!existsSync(".dev.vars")) writeFileSync(".dev.vars", "ENVIRONMENT=development\n");

run("Building web/", "tsx", ["scripts/build-web.ts"]);
run("Applying migrations to the local D1", "wrangler", ["d1", "migrations", "apply", "factline", "--local"]);
run("Importing demo articles and seeds", "tsx", ["scripts/seed.ts"]);

console.log(`\n  Factline is starting at http://localhost:${port}\n  Workspace: http://localhost:${port}/app/\n`);
const dev = spawn("wrangler", ["dev", "--port", port, "--show-interactive-dev-session=false"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
