import { and, asc, eq, exists, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Role } from "../../schema/enums";
import type { userUpdateInput } from "../../schema/inputs";
import { invitations, users, writeGuards } from "../../schema/tables";
import { hashPassword, randomToken, sha256Hex } from "../auth/crypto";
import { clearLoginLockout } from "../auth/rate-limit";
import { endAllAccess } from "../auth/sessions";
import type { Db } from "../db";
import { auditInsert, guardOneRow, isStaleWrite, versionGuard } from "./audit";
import { refuse } from "./refusal";

/** What staff may see of each other: no password hash. */
const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, version: users.version };

/** Every account, by name. */
export function listUsers(db: Db) {
  return db.select(userColumns).from(users).orderBy(asc(users.name));
}

/** The enabled account with this email (any case), password hash included, for the login check. */
export function findLoginUser(db: Db, email: string) {
  return db.select().from(users).where(and(eq(users.email, email.toLowerCase()), isNull(users.disabledAt))).get();
}

/** An admin changes an account's role or disables it, under optimistic concurrency, audited. */
export async function updateUser(db: Db, id: number, input: z.output<typeof userUpdateInput>, actorId: number) {
  const { version, role, disabled } = input;
  const before = await db.select(userColumns).from(users).where(eq(users.id, id)).get();
  if (!before) throw refuse("not_found", "not_found", `User ${id} does not exist.`);
  const change = {
    ...(role ? { role } : {}),
    ...(disabled === undefined ? {} : { disabledAt: disabled ? new Date().toISOString() : null }),
  };
  const guard = versionGuard(db, users, id, version);
  try {
    await db.batch([
      guard.open,
      db.update(users).set({ ...change, version: sql`${users.version} + 1` }).where(eq(users.id, id)),
      // Disabling ends every session and token now, so enabling the account later revives none of them.
      ...(disabled ? endAllAccess(db, id) : []),
      auditInsert(db, { actorId, action: "user.update", entityType: "user", entityId: id, before, after: change }),
      guard.close,
    ]);
  } catch (err) {
    if (isStaleWrite(err)) throw refuse("conflict", "stale_version", "Someone changed this user first.", { currentVersion: before.version });
    throw err;
  }
  return (await db.select(userColumns).from(users).where(eq(users.id, id)).get())!;
}

/** An admin unlocks an account after a login lockout: its failed logins are forgotten, audited. */
export async function unlockUserLogin(db: Db, id: number, actorId: number) {
  const user = await db.select(userColumns).from(users).where(eq(users.id, id)).get();
  if (!user) throw refuse("not_found", "not_found", `User ${id} does not exist.`);
  await db.batch([clearLoginLockout(db, user.email), auditInsert(db, { actorId, action: "user.unlock", entityType: "user", entityId: id })]);
  return user;
}

const invalidInvitation = () => refuse("invalid", "invalid_invitation", "This invitation link is not valid, was used already, or has expired.");

/** Set the password of an invited account through its one-time link; the invitation is used up. */
export async function acceptInvitation(db: Db, token: string, password: string): Promise<{ email: string }> {
  const invite = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, await sha256Hex(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date().toISOString())))
    .get();
  if (!invite) throw invalidInvitation();
  const passwordHash = await hashPassword(password);
  // Guards: the invitation is still unused and the account still has no password, so two clicks
  // on one link, or a second link for the same person, cannot reset a password.
  const accountWithoutPassword = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, invitations.email), isNull(users.passwordHash)));
  const stillOpen = guardOneRow(db, invitations, and(eq(invitations.id, invite.id), isNull(invitations.acceptedAt), exists(accountWithoutPassword)));
  try {
    await db.batch([
      stillOpen,
      db.update(users).set({ passwordHash, version: sql`${users.version} + 1` }).where(eq(users.email, invite.email)),
      db.update(invitations).set({ acceptedAt: new Date().toISOString() }).where(eq(invitations.id, invite.id)),
      auditInsert(db, { actorId: null, action: "invitation.accept", entityType: "invitation", entityId: invite.id }),
      db.delete(writeGuards),
    ]);
  } catch (err) {
    if (isStaleWrite(err)) throw invalidInvitation();
    throw err;
  }
  return { email: invite.email };
}

/** How long an invitation link stays valid. */
export const invitationTtlMs = 72 * 60 * 60 * 1000;

/** Invite a user: the account exists without a password until the one-time link is used. */
export async function inviteUser(db: Db, input: { email: string; name: string; role: Role }, actorId: number) {
  const email = input.email.toLowerCase();
  if (await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw refuse("conflict", "email_taken", `${email} already has an account.`);
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
