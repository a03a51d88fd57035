import { sql } from "drizzle-orm";
import { loginAttempts } from "../../schema/tables";
import type { Db } from "../db";

/** Failed logins allowed per key in one window before the key is locked until the window ends. */
export const loginLimit = { perAccount: 5, perClient: 20, windowMs: 15 * 60 * 1000 };

const windowOf = (now: number) => Math.floor(now / loginLimit.windowMs) * loginLimit.windowMs;

/** Seconds until the login keys unlock, or 0 when a login may be tried. */
export async function loginLockedFor(db: Db, email: string, client: string, now = Date.now()): Promise<number> {
  const windowStart = windowOf(now);
  const rows = await db
    .select()
    .from(loginAttempts)
    .where(sql`${loginAttempts.key} in (${accountKey(email)}, ${clientKey(client)}) and ${loginAttempts.windowStart} = ${windowStart}`);
  const locked = rows.some((r) => r.failures >= (r.key.startsWith("account:") ? loginLimit.perAccount : loginLimit.perClient));
  return locked ? Math.ceil((windowStart + loginLimit.windowMs - now) / 1000) : 0;
}

/** Count one failed login against the account and the client, in one batch. */
export async function recordLoginFailure(db: Db, email: string, client: string, now = Date.now()) {
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
      });
  await db.batch([bump(accountKey(email)), bump(clientKey(client))]);
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const clientKey = (client: string) => `client:${client}`;
