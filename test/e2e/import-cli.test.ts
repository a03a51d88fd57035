import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const seeds = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
let state: string;

/** Run `npm run import -- FILES` against a state folder of its own, as a newcomer would. */
function importCli(files: string[]) {
  const result = spawnSync("node_modules/.bin/tsx", ["scripts/import.ts", "--", ...files], {
    env: { ...process.env, FACTLINE_PERSIST: state },
    encoding: "utf8",
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

beforeAll(() => {
  state = mkdtempSync(join(tmpdir(), "factline-cli-"));
  const migrate = spawnSync("node_modules/.bin/wrangler", ["d1", "migrations", "apply", "factline", "--local", "--persist-to", state], { encoding: "utf8" });
  expect(migrate.status).toBe(0);
});
afterAll(() => rmSync(state, { recursive: true, force: true }));

describe("npm run import", () => {
  const files = readdirSync(seeds).sort().map((f) => join(seeds, f));

  it("imports the five seeds as four articles, reporting 001 as a duplicate of 000, with progress", () => {
    const { status, out } = importCli(files);
    expect(status).toBe(0);
    expect(out).toMatch(/\[5\/5\] 004_/);
    expect(out).toMatch(/duplicate\s+001_\S+ is the same article as \/articles\/surprising-campaign-strategies/);
    expect(out).toMatch(/4 created, 0 revised, 1 duplicates, 0 older copies, 0 failed/);
  });

  it("creates nothing on a second run", () => {
    const { status, out } = importCli(files);
    expect(status).toBe(0);
    expect(out).toMatch(/0 created, 0 revised, 5 duplicates, 0 older copies, 0 failed/);
  });

  it("reports a publisher's correction as a revision, and an older copy imported again as that revision, storing nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "factline-cli-copies-"));
    const copy = (name: string, count: number) =>
      writeFileSync(join(dir, name), `Ferry service resumes\n\nThe port said ${count} ferries will run this summer.\n\nSource: https://port.example/ferries-2024`);
    copy("ferries-v1.txt", 6);
    copy("ferries-v2.txt", 5);
    const { out } = importCli([join(dir, "ferries-v1.txt"), join(dir, "ferries-v2.txt"), join(dir, "ferries-v1.txt")]);
    expect(out).toMatch(/created\s+ferries-v1\.txt → \/articles\/ferry-service-resumes/);
    expect(out).toMatch(/revised\s+ferries-v2\.txt → \/articles\/ferry-service-resumes, now at revision 2/);
    expect(out).toMatch(/older copy ferries-v1\.txt is revision 1 of \/articles\/ferry-service-resumes, which is now at revision 2; nothing stored/);
    expect(out).toMatch(/1 created, 1 revised, 0 duplicates, 1 older copies, 0 failed/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("fails clearly on an unsupported file, importing the rest", () => {
    const dir = mkdtempSync(join(tmpdir(), "factline-cli-files-"));
    writeFileSync(join(dir, "notes.docx"), "binary");
    writeFileSync(join(dir, "fresh.md"), "# A fresh article\n\nIt says 7 bridges were built.");
    const { status, out } = importCli([join(dir, "notes.docx"), join(dir, "fresh.md")]);
    expect(status).toBe(1);
    expect(out).toMatch(/failed\s+notes\.docx: unsupported file type \.docx/);
    expect(out).toMatch(/created\s+fresh\.md → \/articles\/a-fresh-article/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("npm run admin:invite (factline create-admin)", () => {
  it("creates a password-less admin and a one-time link whose token only the operator sees", () => {
    const result = spawnSync("node_modules/.bin/tsx", ["scripts/factline.ts", "create-admin", "Boss@Newsroom.example", "First Admin", "--local"], {
      env: { ...process.env, FACTLINE_PERSIST: state, PATH: `${resolve("node_modules/.bin")}:${process.env.PATH}` },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const token = /#\/invite\/([\w-]{43})/.exec(result.stdout)?.[1];
    expect(token).toBeDefined();
    const query = spawnSync(
      "node_modules/.bin/wrangler",
      ["d1", "execute", "factline", "--local", "--persist-to", state, "--json", "--command", "select u.role, u.password_hash, i.token_hash from users u join invitations i on i.email = u.email"],
      { encoding: "utf8" },
    );
    const [row] = JSON.parse(query.stdout)[0].results;
    expect(row.role).toBe("admin");
    expect(row.password_hash).toBeNull();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(token);
  });
});
