/**
 * npm run seed: demo accounts (development only), demo articles, the sample seeds folder, and a few
 * published fact-checks made through the real workflow. Safe to run again: it creates nothing twice.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { and, eq } from "drizzle-orm";
import { demoFactChecks } from "../demo/fact-checks";
import { articleRevisions, articles, claims, users } from "../schema/tables";
import type { Actor } from "../schema/workflow";
import type { Db } from "../worker/db";
import { codePointIndex } from "../schema/text/code-points";
import { createClaim } from "../worker/queries/claims";
import { seedDemoAccounts } from "../worker/queries/users";
import { transitionClaim } from "../worker/queries/workflow";
import { importFiles, printSummary } from "./lib/import-files";
import { openLocalEnv } from "./lib/local-env";

const listFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.(txt|md|html?)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));

/** The seeds folder: FACTLINE_SEEDS, or ../shared/seeds when it exists. */
export function seedsFolder(): string | null {
  const dir = process.env.FACTLINE_SEEDS ?? resolve("../shared/seeds");
  return existsSync(dir) ? dir : null;
}

async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const user = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`no user ${email}`);
  return user;
}

/** Publish the demo fact-checks whose quotes appear in an imported article, through the workflow. */
async function publishDemoFactChecks(db: Db) {
  const checker = await actorByEmail(db, "checker@factline.local");
  const editor = await actorByEmail(db, "editor@factline.local");
  const texts = await db
    .select({ id: articles.id, text: articleRevisions.text })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId));
  let published = 0;
  for (const check of demoFactChecks) {
    const article = texts.find((a) => a.text.includes(check.quote));
    if (!article) continue;
    const exists = await db.select({ id: claims.id }).from(claims).where(and(eq(claims.articleId, article.id), eq(claims.exact, check.quote))).get();
    if (exists) continue;
    const start = codePointIndex(article.text, article.text.indexOf(check.quote));
    const end = start + [...check.quote].length;
    let claim = await createClaim(
      db,
      article.id,
      {
        selector: { quote: { type: "TextQuoteSelector", exact: check.quote, prefix: "", suffix: "" }, position: { type: "TextPositionSelector", start, end } },
        claimant: { ...check.claimant, description: null },
        ratingKey: check.ratingKey,
        explanation: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: check.explanation }] }] },
        sources: check.sources.map((s) => ({ publishedAt: null, accessedAt: null, archivedUrl: null, quote: null, ...s })),
      },
      checker,
    );
    for (const [action, actor] of [["submit", checker], ["approve", editor], ["publish", editor]] as const) {
      claim = await transitionClaim(db, claim, { action, version: claim.version }, actor);
    }
    published++;
  }
  return published;
}

const local = await openLocalEnv();
try {
  const password = process.env.DEMO_PASSWORD ?? "factline-demo";
  const accounts = await seedDemoAccounts(local.db, local.env.ENVIRONMENT, password);
  const files = listFiles(resolve("demo"));
  const seeds = seedsFolder();
  if (seeds) files.push(...listFiles(seeds));
  else console.log("No seeds folder (set FACTLINE_SEEDS); importing the demo articles only.");
  printSummary(await importFiles(local.db, files));
  console.log(`${await publishDemoFactChecks(local.db)} demo fact-checks published`);
  console.log(`\nDemo logins (password: ${process.env.DEMO_PASSWORD ? "$DEMO_PASSWORD" : password}):`);
  for (const a of accounts) console.log(`  ${a.role.padEnd(8)} ${a.email}`);
} finally {
  await local.dispose();
}
