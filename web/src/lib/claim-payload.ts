/** Between the API's claim and the form's draft: what the form shows, and what a save sends. */
import type { RatingKey } from "../../../schema/rating-scale";
import type { ClaimDraft, RichDoc, SourceDraft } from "./claim-merge";
import { isEmptyDoc } from "./claim-merge";

/** The parts of a claim detail the form edits (a structural subset of the API's claim). */
export interface ClaimContentView {
  claimant: { id: number; name: string; kind: string } | null;
  ratingKey: string | null;
  explanation: unknown;
  sources: { url: string; title: string | null; publisher: string | null; publishedAt: string | null; quote: string | null; accessedAt: string | null; archivedUrl: string | null }[];
}

/** The draft the form shows for a claim loaded from the API. */
export function draftFromClaim(claim: ClaimContentView): ClaimDraft {
  return {
    // Kind matters only for a claimant not yet created, so a stored one is its id and name.
    claimant: claim.claimant ? { id: claim.claimant.id, name: claim.claimant.name } : null,
    ratingKey: claim.ratingKey ?? null,
    explanation: (claim.explanation as RichDoc | null) ?? null,
    sources: claim.sources.map((s) => ({
      url: s.url,
      title: s.title ?? "",
      publisher: s.publisher ?? "",
      publishedAt: s.publishedAt ?? "",
      quote: s.quote ?? "",
      ...(s.accessedAt ? { accessedAt: s.accessedAt } : {}),
      ...(s.archivedUrl ? { archivedUrl: s.archivedUrl } : {}),
    })),
  };
}

/** Is `url` an address the API accepts for a source (http or https with a domain)? */
export function isSourceUrl(url: string): boolean {
  try {
    const parsed = new URL(url.trim());
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname.includes(".");
  } catch {
    return false;
  }
}

/** A field of the form that cannot be saved as it is. */
export interface DraftProblem {
  sourceIndex: number;
  field: "url";
}

const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** The PATCH body for a draft, or the problems that stop it being saved. A source with no URL yet is left out, not refused. */
export function payloadFromDraft(draft: ClaimDraft) {
  const problems: DraftProblem[] = [];
  const sources = draft.sources.flatMap((s: SourceDraft, sourceIndex) => {
    if (!s.url.trim()) return [];
    if (!isSourceUrl(s.url)) {
      problems.push({ sourceIndex, field: "url" });
      return [];
    }
    return [
      {
        url: s.url.trim(),
        title: orNull(s.title),
        publisher: orNull(s.publisher),
        publishedAt: orNull(s.publishedAt),
        quote: orNull(s.quote),
        accessedAt: orNull(s.accessedAt),
        archivedUrl: orNull(s.archivedUrl),
      },
    ];
  });
  const name = draft.claimant?.name.trim();
  const claimant = !draft.claimant || !name ? null : draft.claimant.id ? { id: draft.claimant.id } : { name, kind: draft.claimant.kind ?? "person", description: null };
  const payload = {
    claimant,
    ratingKey: draft.ratingKey as RatingKey | null,
    explanation: isEmptyDoc(draft.explanation) ? null : draft.explanation,
    sources,
  };
  return { payload, problems };
}
