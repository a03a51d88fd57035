import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { getDb } from "../../worker/db";

/** The statements of one migration file: drizzle's breakpoints, then plain semicolons at line ends. */
export function migrationStatements(sqlText: string): string[] {
  return sqlText
    .split("--> statement-breakpoint")
    .flatMap((part) => part.split(/;\s*$/m))
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

/**
 * An empty local D1 in a temporary folder with every migration of schema/migrations applied, opened
 * through wrangler's platform proxy (workerd's D1, as `wrangler dev` has it). Disposing removes it.
 */
export async function openFreshD1() {
  const dir = await mkdtemp(join(tmpdir(), "factline-d1-"));
  const proxy = await getPlatformProxy<Env>({ configPath: "wrangler.toml", persist: { path: join(dir, "v3") }, remoteBindings: false });
  const files = (await readdir("schema/migrations")).filter((f) => f.endsWith(".sql")).sort();
  for (const file of files) {
    const statements = migrationStatements(await readFile(join("schema/migrations", file), "utf8"));
    await proxy.env.DB.batch(statements.map((s) => proxy.env.DB.prepare(s)));
  }
  return {
    db: getDb(proxy.env.DB),
    dispose: async () => {
      await proxy.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
