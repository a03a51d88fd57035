import { randomToken, sha256Hex } from "../../worker/auth/crypto";
import { invitationTtlMs } from "../../worker/queries/users";
import { sqlString, type D1Target } from "./d1-target";

/**
 * The production bootstrap: an admin WITHOUT a password and a one-time link (valid 72 hours) with which
 * they set one. The token is made here and only its hash is stored. An existing account that has set
 * its password is left alone.
 */
export async function createAdmin(target: D1Target, email: string, name: string, baseUrl: string) {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + invitationTtlMs).toISOString();
  const address = email.toLowerCase();
  await target.run(
    [
      `INSERT INTO users (email, name, role) VALUES (${sqlString(address)}, ${sqlString(name)}, 'admin') ON CONFLICT(email) DO UPDATE SET role = 'admin' WHERE users.password_hash IS NULL;`,
      `INSERT INTO invitations (token_hash, email, role, invited_by, expires_at) SELECT ${sqlString(await sha256Hex(token))}, ${sqlString(address)}, 'admin', id, ${sqlString(expiresAt)} FROM users WHERE email = ${sqlString(address)} AND password_hash IS NULL;`,
      `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after) SELECT NULL, 'user.invite', 'user', id, json_object('role', 'admin', 'via', 'cli') FROM users WHERE email = ${sqlString(address)} AND password_hash IS NULL;`,
    ].join("\n"),
  );
  const [user] = await target.query(`select password_hash is not null as has_password from users where email = ${sqlString(address)}`);
  if (user?.has_password) return { link: null, address };
  return { link: `${baseUrl.replace(/\/$/, "")}/app/#/invite/${token}`, address };
}

/** Every API token with its owner; never the token itself (only its hash is stored). */
export function listTokens(target: D1Target) {
  return target.query(
    "select t.id, u.email, t.name, t.created_at as createdAt, t.revoked_at as revokedAt from api_tokens t join users u on u.id = t.user_id order by t.id",
  );
}

/** Revoke a token whoever owns it (an operator's action, audited); false when it is unknown or already revoked. */
export async function revokeToken(target: D1Target, id: number) {
  const [row] = await target.query(`select revoked_at from api_tokens where id = ${id}`);
  if (!row || row.revoked_at) return false;
  await target.run(
    [
      `UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ${id} AND revoked_at IS NULL;`,
      `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after) VALUES (NULL, 'token.revoke', 'api_token', ${id}, json_object('via', 'cli'));`,
    ].join("\n"),
  );
  return true;
}
