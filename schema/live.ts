/**
 * The live desks' wire protocol, shared by the Worker, its Durable Objects and the workspace (which
 * imports only its types). Messages carry ids and versions, never claim content: a client re-reads
 * what changed through the API, under the API's own rights, so a lost message costs freshness only.
 */
import { z } from "zod";

/** The two kinds of desk: one Durable Object an article, and one for the review queue. */
export const liveDesks = ["article", "queue"] as const;
export type LiveDesk = (typeof liveDesks)[number];

/** Every kind of committed change a desk announces. */
export const liveChangeTypes = [
  "claim.created",
  "claim.updated",
  "claim.moved",
  "claim.deleted",
  "claim.transitioned",
  "claim.assigned",
  "comment.created",
  "article.revised",
] as const;
export type LiveChangeType = (typeof liveChangeTypes)[number];

/** What a route reports after its write committed: ids and versions only. */
export interface LiveChange {
  type: LiveChangeType;
  articleId: number;
  claimId?: number;
  /** The claim's version after the write (for a deletion: the version that was deleted). */
  version?: number;
  /** The article's revision number after a revision. */
  revision?: number;
  commentId?: number;
  /** Who wrote the claim and who it is assigned to: the review desk tells checkers only about their own. */
  authorId?: number;
  assigneeId?: number | null;
}

/** Who made a change, as the desk shows it. */
export interface LiveActor {
  id: number;
  name: string;
}

/** A change as a desk sends it: numbered in the desk's own sequence. */
export interface LiveEvent extends LiveChange {
  seq: number;
  actor: LiveActor | null;
}

/** A code-point range of the article's current revision that someone is selecting. */
export interface LiveSelection {
  from: number;
  to: number;
}

/** One open connection on an article desk. */
export interface PresenceEntry {
  connection: string;
  userId: number;
  name: string;
  initials: string;
  openClaim: number | null;
  selection: LiveSelection | null;
}

/** Everything a desk sends to a client. */
export type LiveServerMessage =
  | { type: "welcome"; seq: number; connection: string }
  | { type: "resync"; seq: number; since: number }
  | { type: "presence"; people: PresenceEntry[] }
  | { type: "error"; code: string; message: string }
  | LiveEvent;

export { signedOutCode } from "./live-close";

/** The client's message types; anything else gets an error frame. */
export const liveClientTypes = ["open-claim", "selecting"] as const;
export type LiveClientType = (typeof liveClientTypes)[number];

/** Client frames are small; a longer one is refused before it is parsed. */
export const maxClientFrameChars = 512;

const position = z.number().int().min(0).max(1_000_000);

/** Validation of each client message type. */
export const liveClientMessages = {
  "open-claim": z.object({ type: z.literal("open-claim"), claimId: z.number().int().positive().nullable() }).strict(),
  // Both null: the selection was cleared.
  selecting: z
    .object({ type: z.literal("selecting"), from: position.nullable(), to: position.nullable() })
    .strict()
    .refine((m) => (m.from === null) === (m.to === null) && (m.from === null || m.from < m.to!), "from and to are both null, or from < to"),
} as const satisfies Record<LiveClientType, z.ZodType>;
export type LiveClientMessage = z.output<(typeof liveClientMessages)[LiveClientType]>;

/** The initials shown for a person: the first letters of their first two words. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => [...w][0]!.toLocaleUpperCase());
  return letters.join("") || "?";
}
