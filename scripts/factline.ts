/** npm run factline -- COMMAND [options]: Factline's operations from a terminal. `--help` lists the commands. */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAdmin, listTokens, revokeToken } from "./cli/admin";
import { importAnnotationFile } from "./cli/annotations";
import { exportBackup, restoreBackup } from "./cli/backup";
import { importClaimReviewFiles } from "./cli/claimreview";
import { openTarget } from "./cli/d1-target";
import { reanchorEverything } from "./cli/reanchor-all";
import { importFiles, printSummary } from "./lib/import-files";
import { openLocalEnv } from "./lib/local-env";

const help = `Usage: npm run factline -- COMMAND [options]

Commands (--remote: the deployed D1 through wrangler, after \`wrangler login\`; default: the local D1):
  import FILE...                     import .txt/.md/.html articles into the local D1 (as POST /api/articles)
  import-claimreview FILE...         import other fact-checkers' ClaimReview (JSON-LD or HTML pages) as external fact-checks
  import-annotations ARTICLE_ID FILE --as EMAIL
                                     import Hypothesis or W3C annotation JSON onto an article as EMAIL's drafts
  export [--out FILE] [--remote]     stream a JSON-lines backup of every table (stdout without --out)
  restore FILE [--force] [--remote]  restore a backup into a migrated, empty D1; --force replaces its contents
  create-admin EMAIL NAME [--url URL] [--remote]
                                     create an admin without a password; prints a one-time link (72 hours)
  tokens list [--remote]             list API tokens and their owners (never the tokens themselves)
  tokens revoke ID [--remote]        revoke an API token
  reanchor                           re-anchor every claim against its article's current text, with progress

Environment: FACTLINE_PERSIST names another local state folder (as \`wrangler --persist-to\`).
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    help: { type: "boolean", short: "h" },
    remote: { type: "boolean" },
    local: { type: "boolean" },
    force: { type: "boolean" },
    out: { type: "string", short: "o" },
    url: { type: "string" },
    as: { type: "string" },
  },
});
const [command, ...rest] = positionals;
const log = (line: string) => console.error(line);

function usage(message?: string): never {
  if (message) console.error(`${message}\n`);
  console.error(help);
  process.exit(2);
}

async function main() {
  if (values.help || !command) {
    console.log(help);
    return;
  }
  if (["import", "import-claimreview", "import-annotations", "reanchor"].includes(command) && values.remote) usage(`${command} works on the local D1 only; for a deployment, use the API with a token.`);
  const target = openTarget(Boolean(values.remote));
  try {
    switch (command) {
      case "import": {
        if (rest.length === 0) usage("import needs at least one FILE.");
        const local = await openLocalEnv();
        try {
          const summary = await importFiles(local.db, rest);
          printSummary(summary);
          process.exitCode = summary.failed.length ? 1 : 0;
        } finally {
          await local.dispose();
        }
        return;
      }
      case "import-claimreview": {
        if (rest.length === 0) usage("import-claimreview needs at least one FILE.");
        const local = await openLocalEnv();
        try {
          process.exitCode = (await importClaimReviewFiles(local.db, rest)).failed ? 1 : 0;
        } finally {
          await local.dispose();
        }
        return;
      }
      case "import-annotations": {
        const [articleId, file] = rest;
        if (!/^[1-9]\d*$/.test(articleId ?? "") || !file || rest.length !== 2 || !values.as) usage("import-annotations needs an ARTICLE_ID, one FILE and --as EMAIL.");
        const local = await openLocalEnv();
        try {
          await importAnnotationFile(local.db, Number(articleId), file, values.as);
        } finally {
          await local.dispose();
        }
        return;
      }
      case "export": {
        const out = values.out ? createWriteStream(values.out) : process.stdout;
        const { tables, rows } = await exportBackup(target, out, log);
        if (values.out) {
          out.end();
          await once(out, "finish");
        }
        log(`exported ${rows} rows from ${tables} tables of the ${target.where} D1`);
        return;
      }
      case "restore": {
        if (rest.length !== 1) usage("restore needs one backup FILE.");
        const { rows } = await restoreBackup(target, rest[0], Boolean(values.force), log);
        log(`restored ${rows} rows`);
        return;
      }
      case "create-admin": {
        const parsed = z.object({ email: z.email(), name: z.string().trim().min(1).max(200) }).safeParse({ email: rest[0], name: rest[1] });
        if (!parsed.success) usage('create-admin needs an EMAIL and a "NAME".');
        const { link, address } = await createAdmin(target, parsed.data.email, parsed.data.name, values.url ?? "http://localhost:8787");
        if (!link) {
          console.log(`${address} already has a password; their role is unchanged.`);
          process.exitCode = 1;
        } else {
          console.log(`Admin ${address} invited. Open this link within 72 hours to set the password:\n  ${link}`);
        }
        return;
      }
      case "tokens": {
        const [action, id] = rest;
        if (action === "list") {
          const tokens = await listTokens(target);
          for (const t of tokens) console.log(`${String(t.id).padStart(5)}  ${t.revokedAt ? "revoked" : "active "}  ${t.email}  ${t.name}  (created ${t.createdAt})`);
          if (tokens.length === 0) console.log("no API tokens");
        } else if (action === "revoke" && /^\d+$/.test(id ?? "")) {
          const revoked = await revokeToken(target, Number(id));
          console.log(revoked ? `token ${id} revoked` : `no active token ${id}`);
          process.exitCode = revoked ? 0 : 1;
        } else {
          usage("tokens needs `list` or `revoke ID`.");
        }
        return;
      }
      case "reanchor": {
        const local = await openLocalEnv();
        try {
          await reanchorEverything(local.db, log);
        } finally {
          await local.dispose();
        }
        return;
      }
      default:
        usage(`unknown command ${command}`);
    }
  } finally {
    await target.dispose();
  }
}

main().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
