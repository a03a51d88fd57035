import { roles, type Role } from "../../schema/enums";

/**
 * Who is on a socket, as the Worker verified them. It travels from the Worker to a desk in a request
 * header. A desk is reachable only through its Durable Object binding, never from the internet, so
 * whatever arrives in this header was written by our Worker after authentication
 * (worker/live/upgrade.ts builds the forwarded request from nothing, copying no client header).
 */
export interface Member {
  id: number;
  name: string;
  initials: string;
  role: Role;
  /** The review desk's filter: every change, or only claims this person wrote or is assigned. */
  scope: "all" | "own";
  /** The session or API token the socket was opened with: the desk stops serving it once that ends. */
  credential: Credential;
}

export interface Credential {
  via: "session" | "token";
  id: number;
}

export const memberHeader = "x-factline-member";

/** The header's value: URI-encoded JSON, since header values carry only Latin-1 and names need not. */
export const memberHeaderValue = (member: Member) => encodeURIComponent(JSON.stringify(member));

/** The member a forwarded upgrade names, or null when the header is missing or malformed. */
export function readMember(headers: Headers): Member | null {
  try {
    const m = JSON.parse(decodeURIComponent(headers.get(memberHeader) ?? "null")) as Member | null;
    const credential = m?.credential;
    const valid =
      m &&
      Number.isInteger(m.id) &&
      typeof m.name === "string" &&
      typeof m.initials === "string" &&
      roles.includes(m.role) &&
      (m.scope === "all" || m.scope === "own") &&
      (credential?.via === "session" || credential?.via === "token") &&
      Number.isInteger(credential.id);
    return valid ? { id: m.id, name: m.name, initials: m.initials, role: m.role, scope: m.scope, credential: { via: credential.via, id: credential.id } } : null;
  } catch {
    return null;
  }
}
