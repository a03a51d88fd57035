import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factline, migrate, run, sql } from "./cli";

let dir: string;
const state = () => join(dir, "state");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "factline-cli-imports-"));
  await migrate(state());
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run factline -- import-claimreview", () => {
  it("--help lists the import commands", async () => {
    const { status, stdout } = await factline(state(), "--help");
    expect(status).toBe(0);
    expect(stdout).toMatch(/\n {2}import-claimreview FILE\.\.\. +import other fact-checkers' ClaimReview/);
    expect(stdout).toMatch(/\n {2}import-annotations ARTICLE_ID FILE --as EMAIL/);
  });

  it("imports the ClaimReviews of a page once, reports a bad file, and the npm alias runs the same command", async () => {
    const bad = join(dir, "not-a-review.json");
    writeFileSync(bad, '{"@type": "NewsArticle"}');
    const first = await factline(state(), "import-claimreview", "test/fixtures/claimreview-external.html", bad);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain("[1/2] claimreview-external.html: 2 found, 2 new, 0 already here");
    expect(first.stderr).toContain("[2/2] not-a-review.json: failed: no ClaimReview");
    expect(first.stdout).toMatch(/^2 fact-checks found, 2 imported, 0 already imported, 1 files failed$/m);
    expect(await sql(state(), "select count(*) as n from external_fact_checks")).toEqual([{ n: 2 }]);

    const again = await run("npm", ["run", "-s", "import-claimreview", "--", "test/fixtures/claimreview-external.html"], { FACTLINE_PERSIST: state() });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^2 fact-checks found, 0 imported, 2 already imported, 0 files failed$/m);
    expect(await sql(state(), "select count(*) as n from external_fact_checks")).toEqual([{ n: 2 }]);
  });

  it("refuses --remote and a missing FILE", async () => {
    expect((await factline(state(), "import-claimreview")).status).toBe(2);
    const remote = await factline(state(), "import-claimreview", "--remote", "x.json");
    expect(remote.status).toBe(2);
    expect(remote.stderr).toContain("local D1 only");
  });
});

describe("npm run factline -- import-annotations", () => {
  it("places a Hypothesis file on an article as the user's drafts, once", async () => {
    const article = join(dir, "bridges.txt");
    writeFileSync(article, `Bridges and schools\n\n${readFileSync("test/fixtures/annotations/article.txt", "utf8")}`);
    expect((await factline(state(), "import", article)).status).toBe(0);
    expect((await factline(state(), "create-admin", "cli-admin@newsroom.example", "CLI Admin")).status).toBe(0);
    const [{ id }] = (await sql(state(), "select id from articles")) as { id: number }[];

    const first = await factline(state(), "import-annotations", String(id), "test/fixtures/annotations/hypothesis-search.json", "--as", "cli-admin@newsroom.example");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^anchored +hA1nch0red +→ claim \d+$/m);
    expect(first.stdout).toContain(`1 anchored, 1 moved, 1 changed, 1 orphaned, 2 skipped, 0 invalid; 3 drafts created on article ${id}`);
    const drafts = await sql(state(), "select c.state, c.imported_from, u.email from claims c join users u on u.id = c.author_id order by c.id");
    expect(drafts).toEqual(["hA1nch0red", "hM0ved0001", "hChang3d01"].map((key) => ({ state: "draft", imported_from: `hypothesis:${key}`, email: "cli-admin@newsroom.example" })));

    const again = await factline(state(), "import-annotations", String(id), "test/fixtures/annotations/hypothesis-search.json", "--as", "cli-admin@newsroom.example");
    expect(again.stdout).toContain("0 anchored, 0 moved, 0 changed, 1 orphaned, 5 skipped, 0 invalid; 0 drafts created");
    expect(await sql(state(), "select count(*) as n from claims")).toEqual([{ n: 3 }]);

    const stranger = await factline(state(), "import-annotations", String(id), "test/fixtures/annotations/w3c-annotation.json", "--as", "nobody@newsroom.example");
    expect(stranger.status).toBe(1);
    expect(stranger.stderr).toContain("no active user nobody@newsroom.example");
  });
});
