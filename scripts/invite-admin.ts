/**
 * npm run admin:invite -- EMAIL "NAME" --remote|--local [--url https://factline.example]
 * The production bootstrap: creates the first admin WITHOUT a password and prints a one-time link
 * (valid 72 hours) with which they set one. The token is made here and only its hash is stored.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { randomToken, sha256Hex } from "../worker/auth/crypto";
import { invitationTtlMs } from "../worker/queries/users";

const args = process.argv.slice(2).filter((a) => a !== "--");
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const url = flag("--url") ?? "http://localhost:8787";
const target = args.includes("--remote") ? "--remote" : args.includes("--local") ? "--local" : null;
const [email, name] = args.filter((a) => !a.startsWith("--"));
const parsed = z.object({ email: z.email(), name: z.string().min(1).max(200) }).safeParse({ email, name });
if (!parsed.success || !target) {
  console.error('usage: npm run admin:invite -- admin@newsroom.example "Full Name" --remote [--url https://your.worker.dev]');
  process.exit(2);
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const token = randomToken();
const expiresAt = new Date(Date.now() + invitationTtlMs).toISOString();
const address = parsed.data.email.toLowerCase();
const sqlText = [
  `INSERT INTO users (email, name, role) VALUES (${quote(address)}, ${quote(parsed.data.name)}, 'admin') ON CONFLICT(email) DO UPDATE SET role = 'admin' WHERE users.password_hash IS NULL;`,
  `INSERT INTO invitations (token_hash, email, role, invited_by, expires_at) SELECT ${quote(await sha256Hex(token))}, ${quote(address)}, 'admin', id, ${quote(expiresAt)} FROM users WHERE email = ${quote(address)} AND password_hash IS NULL;`,
].join("\n");
const file = join(mkdtempSync(join(tmpdir(), "factline-invite-")), "invite.sql");
writeFileSync(file, sqlText);
const persist = process.env.FACTLINE_PERSIST ? ["--persist-to", process.env.FACTLINE_PERSIST] : [];
const result = spawnSync("wrangler", ["d1", "execute", "factline", target, "--file", file, ...persist], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
if (result.status !== 0) {
  console.error(result.stdout);
  process.exit(result.status ?? 1);
}
console.log(`Admin ${address} invited. Open this link within 72 hours to set the password:\n  ${url}/app/#/invite/${token}`);
