import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { getDb } from "../../worker/db";

/** The statements of one migration file: drizzle's breakpoints, then plain semicolons at line ends. */
export function migrationStatements(sqlText: string): string[] {
  const out: string[] = [];
  for (const part of sqlText.split("--> statement-breakpoint")) {
    let pending = "";
    for (const piece of part.split(/;\s*$/m)) {
      pending = pending ? `${pending};\n${piece}` : piece;
      const clean = pending.replace(/^\s*--.*$/gm, "").trim();
      // A trigger's body holds statements of its own: the trigger ends only at its END.
      if (/^create\s+trigger/i.test(clean) && !/\bend$/i.test(clean)) continue;
      if (clean) out.push(clean);
      pending = "";
    }
  }
  return out;
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
