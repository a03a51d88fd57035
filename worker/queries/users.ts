import { eq, sql } from "drizzle-orm";
import type { Role } from "../../schema/enums";
import { invitations, users } from "../../schema/tables";
import { hashPassword, randomToken, sha256Hex } from "../auth/crypto";
import type { Db } from "../db";
import { apiError } from "../http/errors";
import { auditInsert } from "./audit";

/** How long an invitation link stays valid. */
export const invitationTtlMs = 72 * 60 * 60 * 1000;

/** Invite a user: the account exists without a password until the one-time link is used. */
export async function inviteUser(db: Db, input: { email: string; name: string; role: Role }, actorId: number) {
  const email = input.email.toLowerCase();
  if (await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw apiError(409, "email_taken", `${email} already has an account.`);
  }
  const token = randomToken();
  const expiresAt = new Date(Date.now() + invitationTtlMs).toISOString();
  const [, [invite]] = await db.batch([
    db.insert(users).values({ email, name: input.name, role: input.role }),
    db.insert(invitations).values({ tokenHash: await sha256Hex(token), email, role: input.role, invitedBy: actorId, expiresAt }).returning(),
    auditInsert(db, { actorId, action: "user.invite", entityType: "user", entityId: sql`(select id from ${users} where ${users.email} = ${email})`, after: { email, role: input.role } }),
  ]);
  return { token, expiresAt, invitationId: invite.id };
}

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
}

/** The local demo accounts; `npm start` creates them in development only. */
export const demoAccounts: DemoAccount[] = [
  { email: "admin@factline.local", name: "Ada Admin", role: "admin" },
  { email: "editor@factline.local", name: "Erlan Editor", role: "editor" },
  { email: "editor2@factline.local", name: "Elena Editor", role: "editor" },
  { email: "checker@factline.local", name: "Chen Checker", role: "checker" },
  { email: "checker2@factline.local", name: "Kamila Checker", role: "checker" },
];

/** Environments in which demo accounts with a known password may exist. */
const demoEnvironments = ["development", "test"];

/**
 * Create the demo accounts (idempotent). Refuses outright unless ENVIRONMENT says this is a local
 * run, so a deployed worker can never get accounts with a published password.
 */
export async function seedDemoAccounts(db: Db, environment: string | undefined, password: string) {
  if (!environment || !demoEnvironments.includes(environment)) {
    throw new Error(`Refusing to create demo accounts: ENVIRONMENT is "${environment ?? ""}", not development.`);
  }
  const passwordHash = await hashPassword(password);
  await db.insert(users).values(demoAccounts.map((a) => ({ ...a, passwordHash }))).onConflictDoNothing({ target: users.email });
  return demoAccounts;
}
