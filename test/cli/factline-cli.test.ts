import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factline, migrate, run, sql } from "./cli";

let dir: string;
const state = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "factline-cli-test-"));
  await Promise.all([migrate(state("source")), migrate(state("empty"))]);
  // The demo articles and published fact-checks (no third-party seeds), plus one article longer than
  // D1's 100 KB statement limit, with Cyrillic and characters outside the BMP, to restore in pieces.
  if (!existsSync(".dev.vars")) writeFileSync(".dev.vars", "ENVIRONMENT=development\n");
  const seeded = await run("node_modules/.bin/tsx", ["scripts/seed.ts"], { FACTLINE_PERSIST: state("source"), FACTLINE_SEEDS: join(dir, "no-seeds") });
  expect(seeded.status, seeded.stderr).toBe(0);
  const long = join(dir, "long.txt");
  const paragraph = (i: number) => `Абзац ${i}: депутат сказал, что 60 000 выпускников 🎓 уезжают каждый год — «это факт» ${"ё".repeat(i % 7)}.`;
  writeFileSync(long, `A very long article\n\n${Array.from({ length: 1500 }, (_, i) => paragraph(i)).join("\n\n")}`);
  const imported = await factline(state("source"), "import", long);
  expect(imported.stdout).toMatch(/^1 created, .*0 failed$/m);
  await sql(state("source"), "insert into api_tokens (token_hash, user_id, name) select 'ab12', id, 'CMS sync' from users where email = 'editor@factline.local'");
}, 1_200_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run factline", () => {
  it("--help lists every command", async () => {
    const { status, stdout } = await factline(state("empty"), "--help");
    expect(status).toBe(0);
    for (const command of ["import", "import-claimreview", "export", "restore", "create-admin", "tokens list", "tokens revoke", "reanchor"]) {
      expect(stdout).toContain(`\n  ${command} `);
    }
  });

  it("refuses an unknown command with the usage", async () => {
    const { status, stderr } = await factline(state("empty"), "frobnicate");
    expect(status).toBe(2);
    expect(stderr).toMatch(/unknown command frobnicate[\s\S]*Usage:/);
  });

  describe("export and restore", () => {
    const first = () => join(dir, "first.jsonl");

    it("export → restore into an empty D1 → export gives the same bytes, long values included", async () => {
      const exported = await factline(state("source"), "export", "--out", first());
      expect(exported.status, exported.stderr).toBe(0);
      const lines = readFileSync(first(), "utf8").trimEnd().split("\n");
      expect(JSON.parse(lines[0])).toMatchObject({ format: "factline-backup", version: 1 });
      const tables = lines.filter((l) => l.startsWith('{"table"')).map((l) => JSON.parse(l).table);
      expect(tables).toEqual(expect.arrayContaining(["users", "articles", "article_revisions", "article_search", "claims", "verdicts", "sources", "audit_events", "api_tokens"]));
      const end = JSON.parse(lines.at(-1)!).end;
      expect(end.rows).toBe(lines.filter((l) => l.startsWith("[")).length);
      expect(end.rows).toBeGreaterThan(40);
      expect(lines.some((l) => l.includes("Абзац 1499") && l.length > 200_000)).toBe(true);

      const restored = await factline(state("empty"), "restore", first());
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stderr).toContain(`restored ${end.rows} rows`);
      const again = join(dir, "again.jsonl");
      expect((await factline(state("empty"), "export", "--out", again)).status).toBe(0);
      expect(readFileSync(again).equals(readFileSync(first()))).toBe(true);
    });

    it("refuses to restore into a D1 that holds data, naming what it holds, and writes nothing", async () => {
      const before = await sql(state("source"), "select count(*) as n from audit_events");
      const refused = await factline(state("source"), "restore", first());
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/refused: the database is not empty \(.*users: \d+.*\); pass --force/);
      expect(await sql(state("source"), "select count(*) as n from audit_events")).toEqual(before);
    });

    it("refuses a backup cut short", async () => {
      const cut = join(dir, "cut.jsonl");
      writeFileSync(cut, readFileSync(first(), "utf8").split("\n").slice(0, 20).join("\n"));
      const refused = await factline(state("source"), "restore", "--force", cut);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/the backup is incomplete .*no end line/);
    });
  });

  it("tokens: lists tokens with their owners, revokes one with an audit event, and says so when there is none", async () => {
    const listed = await factline(state("source"), "tokens", "list");
    const id = /^\s*(\d+)\s+active\s+editor@factline\.local\s+CMS sync/m.exec(listed.stdout)?.[1];
    expect(id).toBeDefined();
    expect((await factline(state("source"), "tokens", "revoke", id!)).stdout).toContain(`token ${id} revoked`);
    expect((await factline(state("source"), "tokens", "list")).stdout).toMatch(new RegExp(`^\\s*${id}\\s+revoked`, "m"));
    expect(await sql(state("source"), `select action from audit_events where entity_type = 'api_token' and entity_id = ${id}`)).toEqual([{ action: "token.revoke" }]);
    const again = await factline(state("source"), "tokens", "revoke", id!);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain(`no active token ${id}`);
  });

  it("reanchor: re-anchors every claim with progress and counts by outcome", async () => {
    const { status, stderr } = await factline(state("source"), "reanchor");
    expect(status).toBe(0);
    expect(stderr).toMatch(/Re-anchoring .* (\d+)\/\1 articles/);
    const claims = (await sql(state("source"), "select count(*) as n from claims"))[0].n as number;
    expect(stderr).toContain(`articles: ${claims} anchored, 0 moved, 0 changed, 0 orphaned`);
  });
});
