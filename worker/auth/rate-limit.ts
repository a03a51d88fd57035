import { inArray, sql } from "drizzle-orm";
import { loginAttempts } from "../../schema/tables";
import type { Db } from "../db";

/** Login attempts allowed per key in one window; past them the key is locked until the window ends. */
export const loginLimit = { perAccount: 5, perClient: 20, windowMs: 15 * 60 * 1000 };

const windowOf = (now: number) => Math.floor(now / loginLimit.windowMs) * loginLimit.windowMs;
const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const clientKey = (client: string) => `client:${client}`;

/**
 * Count a login attempt against the account and the client BEFORE the password is checked, in one
 * atomic batch: parallel guesses each take a number, so none slips past the limit. Returns the
 * seconds until the keys unlock when this attempt is over the limit, else 0.
 */
export async function countLoginAttempt(db: Db, email: string, client: string, now = Date.now()): Promise<number> {
  const windowStart = windowOf(now);
  const bump = (key: string) =>
    db
      .insert(loginAttempts)
      .values({ key, windowStart, failures: 1 })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          failures: sql`case when ${loginAttempts.windowStart} = ${windowStart} then ${loginAttempts.failures} + 1 else 1 end`,
          windowStart,
        },
      })
      .returning({ failures: loginAttempts.failures });
  const [[account], [byClient]] = await db.batch([bump(accountKey(email)), bump(clientKey(client))]);
  const over = account.failures > loginLimit.perAccount || byClient.failures > loginLimit.perClient;
  return over ? Math.ceil((windowStart + loginLimit.windowMs - now) / 1000) : 0;
}

/** A successful login takes its own attempt back, so only failures count against the keys. */
export async function forgiveLoginAttempt(db: Db, email: string, client: string) {
  await db
    .update(loginAttempts)
    .set({ failures: sql`max(${loginAttempts.failures} - 1, 0)` })
    .where(inArray(loginAttempts.key, [accountKey(email), clientKey(client)]));
}
