import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineConfig } from "vitest/config";

/** The sample articles (third-party texts, never committed), handed to workerd tests as a binding. */
function readSeeds(): Record<string, string> {
  const dir = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

/**
 * Every fetch the worker tests make leaves workerd through here: loopback (the test's own origin, see
 * test/worker/loopback-origin.ts) is forwarded; any other address is never contacted and gets a 599.
 */
async function loopbackOnly(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    return new Response(`blocked: tests may reach loopback only, not ${url.host}`, { status: 599, headers: { "x-blocked-host": url.host } });
  }
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return fetch(url, { method: request.method, headers: request.headers, body, redirect: "manual" });
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations("schema/migrations");
  return {
    test: {
      // Two files at a time, whatever the machine: on two cores vitest would take one (cores - 1), and most of a
      // browser or CLI file's time is spent waiting on Chromium, wrangler or workerd, not on this process.
      maxWorkers: 2,
      projects: [
        {
          test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" },
        },
        {
          plugins: [
            cloudflareTest({
              main: "./worker/index.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  TEST_SEEDS: readSeeds(),
                  ENVIRONMENT: "test",
                  // No request log lines in test output; test/worker/observe.test.ts turns them on where it reads them.
                  REQUEST_LOG: "off",
                  // The model-based test's number of sequences (npm run test:model -- --runs N) and, to replay one, its seed.
                  MODEL_RUNS: process.env.MODEL_RUNS ?? "1000",
                  MODEL_SEED: process.env.MODEL_SEED ?? "",
                  MODEL_MAX_COMMANDS: process.env.MODEL_MAX_COMMANDS ?? "",
                  MODEL_FULL_CHECKS: process.env.MODEL_FULL_CHECKS ?? "",
                  MODEL_PARALLEL: process.env.MODEL_PARALLEL ?? "",
                },
                outboundService: loopbackOnly,
              },
            }),
          ],
          test: {
            name: "worker",
            include: ["test/worker/**/*.test.ts"],
            setupFiles: ["./test/worker/apply-migrations.ts"],
            globalSetup: ["./test/worker/loopback-origin.ts"],
          },
        },
        {
          // The command line against local D1 folders of its own, through wrangler as a user runs it.
          test: { name: "cli", include: ["test/cli/**/*.test.ts"], environment: "node", testTimeout: 600_000, hookTimeout: 1_200_000, fileParallelism: false },
        },
        {
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            environment: "node",
            globalSetup: ["./test/e2e/global-setup.ts"],
            testTimeout: 120_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
