/** npm run import -- FILE...: import articles into the local D1, exactly as POST /api/articles would. */
import { importFiles, printSummary } from "./lib/import-files";
import { openLocalEnv } from "./lib/local-env";

const files = process.argv.slice(2).filter((a) => a !== "--");
if (files.length === 0) {
  console.error("usage: npm run import -- FILE.txt|FILE.md|FILE.html ...");
  process.exit(2);
}
const local = await openLocalEnv();
try {
  const summary = await importFiles(local.db, files);
  printSummary(summary);
  process.exitCode = summary.failed.length ? 1 : 0;
} finally {
  await local.dispose();
}
