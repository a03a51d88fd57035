import type { ClaimState } from "../../schema/enums";

/** What the public may know about an article: the shape every public page and export reads. */
export interface PublicArticle {
  id: number;
  slug: string;
  title: string;
  language: string;
  sourceUrl: string | null;
  publisher: string | null;
  publishedAt: string | null;
  /** Optional: pages that read it show it. */
  author?: string | null;
}

export interface PublicSource {
  url: string;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  quote: string | null;
}

/** A published, corrected or retracted claim, with nothing internal (no comments, no authors' accounts). */
export interface PublicClaim {
  id: number;
  articleId: number;
  state: Extract<ClaimState, "published" | "corrected" | "retracted">;
  exact: string;
  prefix: string;
  suffix: string;
  /** Code point offsets into the article's current canonical text. */
  start: number;
  end: number;
  ratingKey: string;
  /** Tiptap JSON; render only through the allow-list renderer. */
  explanation: unknown;
  claimant: { id: number; name: string; kind: "person" | "organization" } | null;
  sources: PublicSource[];
  publishedAt: string;
  updatedAt: string;
  /** Public reason for a correction or retraction. */
  publicNote: string | null;
  /** Other articles where the same claim appears (claims linked to this one): its ClaimReview lists them all. */
  otherAppearances?: PublicArticle[];
}

/** Where the site lives and who publishes it (wrangler.toml vars). */
export interface SiteConfig {
  baseUrl: string;
  publisherName: string;
  publisherUrl: string;
}
