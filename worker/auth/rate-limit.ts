import { eq, inArray, lt, or, sql } from "drizzle-orm";
import { loginAttempts } from "../../schema/tables";
import type { Db } from "../db";

/**
 * Failed logins allowed in one window. An account is limited per client, never alone: a guesser can
 * lock only their own client out, not the account's owner. Past `perAccount` failures from all
 * clients together, a client that already failed on the account gets no further try in the window,
 * which slows a guesser who rotates clients; a client that has not failed still gets in.
 */
export const loginLimit = { perAccountClient: 5, perClient: 20, perAccount: 20, windowMs: 15 * 60 * 1000 };

/** Attempts counted in the current window, this one included. */
export interface LoginCounts {
  accountClient: number;
  client: number;
  account: number;
}

/** Is this attempt over a limit? Pure; see `loginLimit`. */
export function loginRefused(counts: LoginCounts): boolean {
  if (counts.accountClient > loginLimit.perAccountClient || counts.client > loginLimit.perClient) return true;
  const clientFailedBefore = counts.accountClient > 1;
  return counts.account > loginLimit.perAccount && clientFailedBefore;
}

const windowOf = (now: number) => Math.floor(now / loginLimit.windowMs) * loginLimit.windowMs;
const folded = (email: string) => email.trim().toLowerCase();
const keys = (email: string, client: string) => ({
  accountClient: `account-client:${folded(email)}|${client}`,
  client: `client:${client}`,
  account: `account:${folded(email)}`,
});

/**
 * Count a login attempt against the account on this client, the client and the account BEFORE the
 * password is checked, in one atomic batch: parallel guesses each take a number, so none slips past
 * the limit. Returns the seconds until the window ends when this attempt is refused, else 0.
 */
export async function countLoginAttempt(db: Db, email: string, client: string, now = Date.now()): Promise<number> {
  const windowStart = windowOf(now);
  const key = keys(email, client);
  const bump = (k: string) =>
    db
      .insert(loginAttempts)
      .values({ key: k, windowStart, failures: 1 })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          failures: sql`case when ${loginAttempts.windowStart} = ${windowStart} then ${loginAttempts.failures} + 1 else 1 end`,
          windowStart,
        },
      })
      .returning({ failures: loginAttempts.failures });
  const [, [accountClient], [byClient], [account]] = await db.batch([
    // Counters of windows past are forgotten, so the table holds only the current window's keys.
    db.delete(loginAttempts).where(lt(loginAttempts.windowStart, windowStart)),
    bump(key.accountClient),
    bump(key.client),
    bump(key.account),
  ]);
  const refused = loginRefused({ accountClient: accountClient.failures, client: byClient.failures, account: account.failures });
  return refused ? Math.ceil((windowStart + loginLimit.windowMs - now) / 1000) : 0;
}

/** A successful login takes its own attempt back, so only failures count (a statement for the login's batch). */
export function forgiveLoginAttempt(db: Db, email: string, client: string) {
  return db
    .update(loginAttempts)
    .set({ failures: sql`max(${loginAttempts.failures} - 1, 0)` })
    .where(inArray(loginAttempts.key, Object.values(keys(email, client))));
}

/**
 * An admin lets a locked-out person try again: the account's counters, over all clients and on each
 * client, are forgotten (a statement for the unlock's audited batch). A client's own count over all
 * accounts stays: a client guessing at many accounts is not the account's to forgive.
 */
export function clearLoginLockout(db: Db, email: string) {
  const key = keys(email, "");
  const onAnyClient = key.accountClient; // `account-client:<email>|`, each client's key starts with it
  return db
    .delete(loginAttempts)
    .where(or(eq(loginAttempts.key, key.account), sql`substr(${loginAttempts.key}, 1, ${onAnyClient.length}) = ${onAnyClient}`));
}

/** Readers' tips from one client in one window (the contact form). */
export const tipLimit = { perClient: 5, windowMs: loginLimit.windowMs };

/**
 * Count a tip from `client` in the current window (kept with the login counters, under its own key).
 * Returns the seconds until the window ends when this tip is over the limit, else 0.
 */
export async function countTip(db: Db, client: string, now = Date.now()): Promise<number> {
  const windowStart = windowOf(now);
  const [, [row]] = await db.batch([
    db.delete(loginAttempts).where(lt(loginAttempts.windowStart, windowStart)),
    db
      .insert(loginAttempts)
      .values({ key: `tip:${client}`, windowStart, failures: 1 })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: { failures: sql`case when ${loginAttempts.windowStart} = ${windowStart} then ${loginAttempts.failures} + 1 else 1 end`, windowStart },
      })
      .returning({ count: loginAttempts.failures }),
  ]);
  return row.count > tipLimit.perClient ? Math.ceil((windowStart + tipLimit.windowMs - now) / 1000) : 0;
}
