import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = (name: string) => join("node_modules", ".bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The app exactly as `npm start` serves it (built web/, migrated and seeded D1, `wrangler dev`),
 * but on its own port and in its own state folder, so tests never touch a developer's data.
 */
export async function startTestServer(port: number): Promise<TestServer> {
  const state = mkdtempSync(join(tmpdir(), "factline-e2e-"));
  const env = { ...process.env, FACTLINE_PERSIST: state };
  if (!existsSync(".dev.vars")) writeFileSync(".dev.vars", "ENVIRONMENT=development\n");
  run(bin("tsx"), ["scripts/build-web.ts"], env);
  run(bin("wrangler"), ["d1", "migrations", "apply", "factline", "--local", "--persist-to", state], env);
  run(bin("tsx"), ["scripts/seed.ts"], env);
  const child: ChildProcess = spawn(
    bin("wrangler"),
    ["dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state, "--show-interactive-dev-session=false"],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (Date.now() >= deadline) throw new Error(`wrangler dev did not answer within 90 s:\n${log}`);
  return {
    url,
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
      rmSync(state, { recursive: true, force: true });
    },
  };
}
