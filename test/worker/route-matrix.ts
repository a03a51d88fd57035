import type { Who } from "./support";

/** What a matrix row needs from the fixture: ids of things that exist before each cell runs. */
export interface Fixture {
  articleId: number;
  /** The current revision of `articleId`. */
  articleRevisionId: number;
  articleSlug: string;
  /** A draft written by `checker`. */
  draftId: number;
  /** In review, written by `checker`. */
  inReviewId: number;
  /** Approved by `editor2`, written and last edited by `checker`. */
  approvedId: number;
  /** An API token of `checker`. */
  checkerTokenId: number;
  checker2UserId: number;
  checkerUserId: number;
  /** A second article with one published claim by `checker`, approved and published by `editor`. */
  publishedSlug: string;
  publishedId: number;
  /** Its description was typed by `checker` and waits for an editor. */
  publishedClaimantId: number;
  /** A claimant of a draft of its own, created by `checker`: a duplicate to merge. */
  secondClaimantId: number;
  publishedArticleId: number;
}

export interface RouteCell {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The route as registered (Hono pattern), to check that every route is in the matrix. */
  route: string;
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  expect: Record<Who, number>;
}

const anyone = (status: number): Record<Who, number> => ({ public: status, checker: status, checker2: status, editor: status, editor2: status, admin: status });
const staff = (status: number): Record<Who, number> => ({ public: 401, checker: status, checker2: status, editor: status, editor2: status, admin: status });
const editors = (status: number): Record<Who, number> => ({ public: 401, checker: 403, checker2: 403, editor: status, editor2: status, admin: status });
const adminOnly = (status: number): Record<Who, number> => ({ public: 401, checker: 403, checker2: 403, editor: 403, editor2: 403, admin: status });

const version1 = { version: 1 };

/**
 * Every route of the app against everyone who may call it: the single source of truth for who can
 * do what. test/worker/route-matrix.test.ts runs each cell against a fresh database, and fails if a
 * registered route is missing here. Add a row with every new route.
 */
export const routeMatrix: RouteCell[] = [
  { method: "GET", route: "/api/health", path: () => "/api/health", expect: anyone(200) },
  { method: "GET", route: "/api/health/db", path: () => "/api/health/db", expect: anyone(200) },
  { method: "GET", route: "/api/openapi.json", path: () => "/api/openapi.json", expect: anyone(200) },
  { method: "GET", route: "/api/docs", path: () => "/api/docs", expect: anyone(200) },
  { method: "GET", route: "/api/rating-scale", path: () => "/api/rating-scale", expect: anyone(200) },
  { method: "PATCH", route: "/api/rating-scale/:key", path: () => "/api/rating-scale/misleading", body: () => ({ version: 0, labels: { en: "Misleading (wording)" } }), expect: adminOnly(200) },
  { method: "POST", route: "/api/auth/login", path: () => "/api/auth/login", body: () => ({ email: "checker@factline.local", password: "test-password-123" }), expect: anyone(200) },
  { method: "POST", route: "/api/auth/logout", path: () => "/api/auth/logout", expect: staff(204) },
  { method: "POST", route: "/api/auth/logout-everywhere", path: () => "/api/auth/logout-everywhere", expect: staff(204) },
  { method: "GET", route: "/api/auth/me", path: () => "/api/auth/me", expect: staff(200) },
  { method: "POST", route: "/api/auth/invitations/accept", path: () => "/api/auth/invitations/accept", body: () => ({ token: "x".repeat(43), password: "long enough password" }), expect: anyone(400) },
  { method: "GET", route: "/api/auth/tokens", path: () => "/api/auth/tokens", expect: staff(200) },
  { method: "POST", route: "/api/auth/tokens", path: () => "/api/auth/tokens", body: () => ({ name: "script" }), expect: staff(201) },
  // Only a token's owner can revoke it; to anyone else it does not exist.
  { method: "DELETE", route: "/api/auth/tokens/:id", path: (f) => `/api/auth/tokens/${f.checkerTokenId}`, expect: { public: 401, checker: 204, checker2: 404, editor: 404, editor2: 404, admin: 404 } },
  { method: "GET", route: "/api/users", path: () => "/api/users", expect: staff(200) },
  // A person's API tokens: their own, and any user's for an admin.
  { method: "GET", route: "/api/users/:id/tokens", path: (f) => `/api/users/${f.checkerUserId}/tokens`, expect: { ...staff(200), checker2: 403, editor: 403, editor2: 403 } },
  { method: "DELETE", route: "/api/users/:id/tokens/:tokenId", path: (f) => `/api/users/${f.checkerUserId}/tokens/${f.checkerTokenId}`, expect: { ...staff(204), checker2: 403, editor: 403, editor2: 403 } },
  { method: "POST", route: "/api/users/invitations", path: () => "/api/users/invitations", body: () => ({ email: "new@newsroom.example", name: "New", role: "checker" }), expect: adminOnly(201) },
  { method: "PATCH", route: "/api/users/:id", path: (f) => `/api/users/${f.checker2UserId}`, body: () => ({ ...version1, role: "editor" }), expect: { ...adminOnly(200), checker2: 403 } },
  { method: "POST", route: "/api/users/:id/unlock", path: (f) => `/api/users/${f.checkerUserId}/unlock`, expect: adminOnly(200) },
  { method: "GET", route: "/api/articles", path: () => "/api/articles", expect: staff(200) },
  { method: "POST", route: "/api/articles", path: () => "/api/articles", body: () => ({ text: "A new title\n\nA new body with 12 numbers." }), expect: staff(201) },
  { method: "POST", route: "/api/articles/detect", path: () => "/api/articles/detect", body: () => ({ text: "A title\n2 March 2024\nBody.\nSource: example.org" }), expect: staff(200) },
  { method: "GET", route: "/api/articles/:id", path: (f) => `/api/articles/${f.articleId}`, expect: staff(200) },
  { method: "GET", route: "/api/articles/:id/claims", path: (f) => `/api/articles/${f.articleId}/claims`, expect: staff(200) },
  {
    method: "POST",
    route: "/api/articles/:id/claims",
    path: (f) => `/api/articles/${f.articleId}/claims`,
    body: () => ({ selector: [{ type: "TextQuoteSelector", exact: "said" }, { type: "TextPositionSelector", start: 13, end: 17 }] }),
    expect: staff(201),
  },
  // Hypothesis's shape; every staff member may import, as drafts of their own (schema/workflow.ts rolePowers.importAnnotations).
  {
    method: "POST",
    route: "/api/articles/:id/annotations/import",
    path: (f) => `/api/articles/${f.articleId}/annotations/import`,
    body: () => ({ id: "matrix-1", uri: "https://news.example/matrix", text: "Which schools?", tags: [], target: [{ source: "https://news.example/matrix", selector: [{ type: "TextQuoteSelector", exact: "40 schools", prefix: "The minister said ", suffix: " opened." }] }] }),
    expect: staff(201),
  },
  { method: "GET", route: "/api/articles/:id/suggestions", path: (f) => `/api/articles/${f.articleId}/suggestions`, expect: staff(200) },
  // The fixture's whole body is one check-worthy sentence: code points 0–36 of its revision.
  {
    method: "POST",
    route: "/api/articles/:id/suggestions/dismissals",
    path: (f) => `/api/articles/${f.articleId}/suggestions/dismissals`,
    body: (f) => ({ revisionId: f.articleRevisionId, start: 0, end: 36 }),
    expect: staff(201),
  },
  { method: "GET", route: "/api/claims", path: () => "/api/claims?state=in_review", expect: staff(200) },
  { method: "GET", route: "/api/claims/attention", path: () => "/api/claims/attention?limit=5", expect: staff(200) },
  { method: "GET", route: "/api/claims/:id/publish-preview", path: (f) => `/api/claims/${f.approvedId}/publish-preview?ui=ru`, expect: staff(200) },
  { method: "GET", route: "/api/claims/:id", path: (f) => `/api/claims/${f.draftId}`, expect: staff(200) },
  { method: "PATCH", route: "/api/claims/:id", path: (f) => `/api/claims/${f.draftId}`, body: () => ({ ...version1, ratingKey: "false" }), expect: { ...staff(200), checker2: 403 } },
  { method: "DELETE", route: "/api/claims/:id", path: (f) => `/api/claims/${f.draftId}`, body: () => version1, expect: { ...staff(204), checker2: 403 } },
  // Deleting takes the version the client saw, like every write; and only a draft.
  { method: "DELETE", route: "/api/claims/:id", path: (f) => `/api/claims/${f.draftId}`, body: () => ({ version: 2 }), expect: { ...staff(409), checker2: 403 } },
  { method: "DELETE", route: "/api/claims/:id", path: (f) => `/api/claims/${f.draftId}`, expect: staff(400) },
  { method: "DELETE", route: "/api/claims/:id", path: (f) => `/api/claims/${f.inReviewId}`, body: () => ({ version: 2 }), expect: { ...staff(409), checker2: 403 } },
  { method: "POST", route: "/api/claims/:id/transitions", path: (f) => `/api/claims/${f.draftId}/transitions`, body: () => ({ ...version1, action: "submit" }), expect: { ...staff(200), checker2: 403 } },
  // Further transitions of the same route, one per kind of rule.
  { method: "POST", route: "/api/claims/:id/transitions", path: (f) => `/api/claims/${f.inReviewId}/transitions`, body: () => ({ version: 2, action: "approve" }), expect: editors(200) },
  { method: "POST", route: "/api/claims/:id/transitions", path: (f) => `/api/claims/${f.inReviewId}/transitions`, body: () => ({ version: 2, action: "request_changes", comment: "Source?" }), expect: editors(200) },
  { method: "POST", route: "/api/claims/:id/transitions", path: (f) => `/api/claims/${f.approvedId}/transitions`, body: () => ({ version: 3, action: "publish" }), expect: editors(200) },
  // The way back to review for an approved claim.
  { method: "POST", route: "/api/claims/:id/transitions", path: (f) => `/api/claims/${f.approvedId}/transitions`, body: () => ({ version: 3, action: "request_changes", comment: "The article changed." }), expect: editors(200) },
  // A note-only correction is one editor's emergency action; a verdict-changing one is held (200, nothing public) for a second editor.
  { method: "POST", route: "/api/claims/:id/transitions", path: (f) => `/api/claims/${f.publishedId}/transitions`, body: () => ({ version: 4, action: "correct", reason: "Note" }), expect: editors(200) },
  { method: "POST", route: "/api/claims/:id/transitions", path: (f) => `/api/claims/${f.publishedId}/transitions`, body: () => ({ version: 4, action: "approve_correction" }), expect: { ...editors(409), checker: 403, checker2: 403 } },
  { method: "POST", route: "/api/claims/:id/assign", path: (f) => `/api/claims/${f.draftId}/assign`, body: (f) => ({ ...version1, assigneeId: f.checker2UserId }), expect: editors(200) },
  { method: "GET", route: "/api/claims/:id/comments", path: (f) => `/api/claims/${f.draftId}/comments`, expect: staff(200) },
  { method: "POST", route: "/api/claims/:id/comments", path: (f) => `/api/claims/${f.draftId}/comments`, body: () => ({ body: "Which report is this?" }), expect: staff(201) },
  { method: "GET", route: "/api/claims/:id/history", path: (f) => `/api/claims/${f.draftId}/history`, expect: staff(200) },
  { method: "GET", route: "/api/claims/:id/anchor-history", path: (f) => `/api/claims/${f.draftId}/anchor-history`, expect: staff(200) },
  { method: "GET", route: "/api/claimants", path: () => "/api/claimants?q=min", expect: staff(200) },
  { method: "POST", route: "/api/claimants", path: () => "/api/claimants", body: () => ({ name: "Aidar Seitkali", kind: "person" }), expect: staff(201) },
  { method: "PATCH", route: "/api/claimants/:id/kind", path: (f) => `/api/claimants/${f.publishedClaimantId}/kind`, body: () => ({ ...version1, kind: "organization" }), expect: { public: 401, checker: 200, checker2: 403, editor: 200, editor2: 200, admin: 200 } },
  { method: "POST", route: "/api/claimants/:id/merge", path: (f) => `/api/claimants/${f.secondClaimantId}/merge`, body: (f) => ({ ...version1, keepId: f.publishedClaimantId, keepVersion: 1 }), expect: editors(200) },
  { method: "GET", route: "/api/claimants/:id", path: (f) => `/api/claimants/${f.publishedClaimantId}`, expect: staff(200) },
  { method: "PATCH", route: "/api/claimants/:id", path: (f) => `/api/claimants/${f.publishedClaimantId}`, body: () => ({ ...version1, description: "Mayor since 2020" }), expect: editors(200) },
  { method: "POST", route: "/api/claimants/:id/approve-description", path: (f) => `/api/claimants/${f.publishedClaimantId}/approve-description`, body: () => version1, expect: editors(200) },
  { method: "GET", route: "/app/", path: () => "/app/", expect: anyone(200) },
  { method: "PATCH", route: "/api/articles/:id/metadata", path: (f) => `/api/articles/${f.articleId}/metadata`, body: () => ({ ...version1, author: "A. Writer" }), expect: staff(200) },
  { method: "PATCH", route: "/api/articles/:id/metadata", path: (f) => `/api/articles/${f.publishedArticleId}/metadata`, body: () => ({ ...version1, publisher: "The Outlet" }), expect: editors(200) },
  { method: "PUT", route: "/api/articles/:id", path: (f) => `/api/articles/${f.articleId}`, body: () => ({ version: 1, text: "The minister said 41 schools opened." }), expect: staff(201) },
  // Once the public sees claims on an article, only editors replace its text.
  { method: "PUT", route: "/api/articles/:id", path: (f) => `/api/articles/${f.publishedArticleId}`, body: () => ({ version: 1, text: "The mayor said 12 bridges were repaired. A new line." }), expect: editors(201) },
  { method: "GET", route: "/api/articles/:id/revisions", path: (f) => `/api/articles/${f.articleId}/revisions`, expect: staff(200) },
  { method: "GET", route: "/api/articles/:id/revisions/:number", path: (f) => `/api/articles/${f.articleId}/revisions/1`, expect: staff(200) },
  { method: "GET", route: "/api/articles/:id/revisions/:number/diff", path: (f) => `/api/articles/${f.articleId}/revisions/1/diff?against=1`, expect: staff(200) },
  {
    method: "POST",
    route: "/api/claims/:id/anchor",
    path: (f) => `/api/claims/${f.draftId}/anchor`,
    body: () => ({ version: 1, selector: [{ type: "TextQuoteSelector", exact: "minister" }, { type: "TextPositionSelector", start: 4, end: 12 }] }),
    expect: { ...staff(200), checker2: 403 },
  },
  // Re-attaching changes a claim's quote: never while it is in review or approved, whoever asks.
  {
    method: "POST",
    route: "/api/claims/:id/anchor",
    path: (f) => `/api/claims/${f.inReviewId}/anchor`,
    body: () => ({ version: 2, selector: [{ type: "TextQuoteSelector", exact: "minister" }, { type: "TextPositionSelector", start: 4, end: 12 }] }),
    expect: { public: 401, checker: 409, checker2: 403, editor: 200, editor2: 200, admin: 200 },
  },
  {
    method: "POST",
    route: "/api/claims/:id/anchor",
    path: (f) => `/api/claims/${f.approvedId}/anchor`,
    body: () => ({ version: 3, selector: [{ type: "TextQuoteSelector", exact: "minister" }, { type: "TextPositionSelector", start: 4, end: 12 }] }),
    expect: { public: 401, checker: 409, checker2: 409, editor: 409, editor2: 409, admin: 409 },
  },
  // A public claim that is still placed is never moved; checkers may not even propose.
  {
    method: "POST",
    route: "/api/claims/:id/anchor",
    path: (f) => `/api/claims/${f.publishedId}/anchor`,
    body: () => ({ version: 4, selector: [{ type: "TextQuoteSelector", exact: "mayor" }, { type: "TextPositionSelector", start: 4, end: 9 }] }),
    expect: { ...editors(409), checker: 403, checker2: 403 },
  },
  // Nothing proposed: nothing to confirm (a proposal's confirmation by a second person is in four-eyes.test.ts).
  { method: "POST", route: "/api/claims/:id/anchor/confirm", path: (f) => `/api/claims/${f.publishedId}/anchor/confirm`, body: () => ({ version: 4 }), expect: { ...editors(409), checker: 403, checker2: 403 } },
  // The staff search reads drafts: every staff member, never the public (canUseNewsroomTools).
  { method: "GET", route: "/api/search", path: () => "/api/search?q=minister&state=draft", expect: staff(200) },
  { method: "POST", route: "/api/match", path: () => "/api/match", body: () => ({ text: "The mayor said 12 bridges were repaired" }), expect: staff(200) },
  { method: "POST", route: "/api/fact-checks/import", path: () => "/api/fact-checks/import", body: () => ({ content: JSON.stringify({ "@type": "ClaimReview", claimReviewed: "12 bridges were repaired", url: "https://fc.example/bridges" }) }), expect: staff(201) },
  // "The same claim": whoever may edit the draft links it to a published fact-check (canLinkSameClaim).
  { method: "POST", route: "/api/claims/:id/same-as", path: (f) => `/api/claims/${f.draftId}/same-as`, body: (f) => ({ ...version1, sameAsId: f.publishedId }), expect: { ...staff(200), checker2: 403 } },
  // Integrations (schema/workflow.ts rolePowers). No webhook exists in the fixture: the admin's DELETE finds none.
  { method: "GET", route: "/api/webhooks", path: () => "/api/webhooks", expect: adminOnly(200) },
  { method: "POST", route: "/api/webhooks", path: () => "/api/webhooks", body: () => ({ url: "http://127.0.0.1:9/hook" }), expect: adminOnly(201) },
  { method: "DELETE", route: "/api/webhooks/:id", path: () => "/api/webhooks/999", expect: adminOnly(404) },
  { method: "GET", route: "/api/webhooks/:id/deliveries", path: () => "/api/webhooks/999/deliveries", expect: adminOnly(200) },
  { method: "GET", route: "/api/watch", path: () => "/api/watch", expect: editors(200) },
  // The live desks: a plain GET gets 426 once the role check passed (the WebSocket upgrade itself, its Origin check
  // and each message type's rights are tested in test/worker/live*.test.ts). Checkers may watch the queue for their own claims.
  { method: "GET", route: "/api/articles/:id/live", path: (f) => `/api/articles/${f.articleId}/live`, expect: staff(426) },
  { method: "GET", route: "/api/queue/live", path: () => "/api/queue/live", expect: staff(426) },
  { method: "PUT", route: "/api/watch/settings", path: () => "/api/watch/settings", body: () => ({ enabled: false, intervalMinutes: 60, maxFetchesPerRun: 5, version: 0 }), expect: adminOnly(200) },
  // Public pages and the public read API. The fixture's article has no public claim yet, so it is not public.
  { method: "GET", route: "/", path: () => "/", expect: anyone(200) },
  { method: "GET", route: "/articles/:slug", path: (f) => `/articles/${f.articleSlug}`, expect: anyone(404) },
  { method: "GET", route: "/articles/:slug", path: (f) => `/articles/${f.publishedSlug}`, expect: anyone(200) },
  { method: "GET", route: "/articles/:slug/annotations", path: (f) => `/articles/${f.publishedSlug}/annotations`, expect: anyone(200) },
  { method: "GET", route: "/api/public/annotations", path: () => "/api/public/annotations?url=https://news.example/published", expect: anyone(200) },
  { method: "GET", route: "/claims/:id", path: (f) => `/claims/${f.publishedId}`, expect: anyone(200) },
  { method: "GET", route: "/claims/:id", path: (f) => `/claims/${f.draftId}`, expect: anyone(404) },
  { method: "GET", route: "/claimants/:id", path: (f) => `/claimants/${f.publishedClaimantId}`, expect: anyone(200) },
  { method: "GET", route: "/search", path: () => "/search?q=minister", expect: anyone(200) },
  { method: "GET", route: "/feed.xml", path: () => "/feed.xml", expect: anyone(200) },
  { method: "GET", route: "/sitemap.xml", path: () => "/sitemap.xml", expect: anyone(200) },
  { method: "GET", route: "/sitemaps/:file", path: () => "/sitemaps/claims-0.xml", expect: anyone(200) },
  { method: "GET", route: "/robots.txt", path: () => "/robots.txt", expect: anyone(200) },
  { method: "GET", route: "/methodology", path: () => "/methodology", expect: anyone(200) },
  { method: "GET", route: "/corrections", path: () => "/corrections", expect: anyone(200) },
  { method: "GET", route: "/about", path: () => "/about", expect: anyone(200) },
  { method: "GET", route: "/contact", path: () => "/contact", expect: anyone(200) },
  // A JSON body is not the form: every caller gets the form back with what to fix.
  { method: "POST", route: "/contact", path: () => "/contact", body: () => ({ claim: "" }), expect: anyone(400) },
  { method: "GET", route: "/api/site/about", path: () => "/api/site/about", expect: adminOnly(200) },
  { method: "PUT", route: "/api/site/about", path: () => "/api/site/about", body: () => ({ version: 0, content: { organisation: { en: "Us", ru: "", kk: "" }, funding: { en: "", ru: "", kk: "" }, team: { en: "", ru: "", kk: "" } } }), expect: adminOnly(200) },
  { method: "GET", route: "/api/tips", path: () => "/api/tips", expect: staff(200) },
];
