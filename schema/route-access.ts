import type { Role } from "./enums";
import { editorRoles, powerRoles, staffRoles } from "./workflow";

/** Who may call a route: the API documentation (GET /api/openapi.json, /api/docs) states it for every route. */
export interface RouteAccess {
  /** One line on what the route does. */
  summary: string;
  /** "public": anyone, signed in or not; otherwise the roles that get past the door (from schema/workflow.ts). */
  roles: "public" | readonly Role[];
  /** The decision of schema/workflow.ts that then decides per resource, and what it says. */
  rule?: string;
  /** Only a signed-in person (the session cookie), never an API token. */
  sessionOnly?: true;
}

const open = (summary: string): RouteAccess => ({ summary, roles: "public" });
const staff = (summary: string, rule?: string): RouteAccess => ({ summary, roles: staffRoles, ...(rule ? { rule } : {}) });
const editors = (summary: string, rule?: string): RouteAccess => ({ summary, roles: editorRoles, ...(rule ? { rule } : {}) });
const power = (p: Parameters<typeof powerRoles>[0], summary: string, rule?: string): RouteAccess => ({ summary, roles: powerRoles(p), rule: rule ?? `rolePowers.${p}` });

/**
 * Every route of the app, keyed `METHOD /path` as Hono registers it. The route × role matrix
 * (test/worker/route-matrix.ts) checks each entry against what the running app lets each role do,
 * and test/worker/openapi.test.ts fails when a registered route has no entry here.
 */
export const routeAccess: Record<string, RouteAccess> = {
  "GET /api/health": open("Liveness probe."),
  "GET /api/health/db": open("Readiness probe: one D1 round trip."),
  "GET /api/openapi.json": open("This API as an OpenAPI 3.1 document."),
  "GET /api/docs": open("This API as a readable HTML page."),
  "GET /api/rating-scale": open("The rating scale, with labels in every UI language."),
  "PATCH /api/rating-scale/:key": power("rewordScale", "Reword a rating's labels."),
  "POST /api/auth/login": open("Sign in with email and password; sets the session cookie. Failed logins are rate limited."),
  "POST /api/auth/logout": staff("End this session."),
  "POST /api/auth/logout-everywhere": staff("End every session and revoke every API token of yours."),
  "GET /api/auth/me": staff("Who you are signed in as."),
  "POST /api/auth/invitations/accept": open("Set your password with an invitation's one-time token."),
  "GET /api/auth/tokens": staff("Your API tokens (never the token itself)."),
  "POST /api/auth/tokens": { ...staff("Create an API token; it is shown once.", "canCreateApiToken: only a signed-in person, never a token"), sessionOnly: true },
  "DELETE /api/auth/tokens/:id": staff("Revoke one of your API tokens.", "only the token's owner"),
  "GET /api/users": staff("The newsroom's staff."),
  "GET /api/users/:id/tokens": staff("A user's API tokens.", "canManageApiTokens: your own, or anyone's for an admin"),
  "DELETE /api/users/:id/tokens/:tokenId": staff("Revoke a user's API token.", "canManageApiTokens: your own, or anyone's for an admin"),
  "POST /api/users/invitations": power("manageUsers", "Invite a user; answers their one-time link."),
  "PATCH /api/users/:id": power("manageUsers", "Change a user's role or disable the account.", "canChangeUser: not your own role, not yourself"),
  "POST /api/users/:id/unlock": power("manageUsers", "Unlock an account after a login lockout: its failed logins are forgotten (audited).", "canUnlockLogin"),
  "GET /api/articles": staff("List articles."),
  "POST /api/articles": staff("Import an article (text, Markdown or HTML); a known source URL with new text becomes a revision."),
  "POST /api/articles/detect": staff("What the import would detect in a text (outlet, original URL, date, byline), for the import form to prefill; stores nothing.", "canUseNewsroomTools"),
  "GET /api/articles/:id": staff("An article with its current revision."),
  "PATCH /api/articles/:id/metadata": staff("Edit an article's title, outlet, original URL, author and date (versioned).", "canEditArticleMetadata: editors only once a claim on it is public"),
  "PUT /api/articles/:id": staff("Store a new revision and re-anchor every claim.", "canReviseArticle: only editors once the article has public fact-checks"),
  "GET /api/articles/:id/revisions": staff("Every revision of an article."),
  "GET /api/articles/:id/revisions/:number": staff("One revision's text."),
  "GET /api/articles/:id/revisions/:number/diff": staff("What changed between two revisions."),
  "GET /api/articles/:id/claims": staff("An article's claims, in every state."),
  "POST /api/articles/:id/claims": staff("Create a draft claim on a passage of the current revision."),
  "POST /api/articles/:id/annotations/import": power("importAnnotations", "Import Hypothesis or W3C Web Annotation JSON as your draft claims, placed by the re-anchoring engine; answers what became of each."),
  "GET /api/articles/:id/suggestions": staff("Check-worthy sentences of the current revision.", "canSeeSuggestions"),
  "POST /api/articles/:id/suggestions/dismissals": staff("Dismiss a suggestion on the current revision.", "decideSuggestionDismissal: the current revision only"),
  "GET /api/claims": staff("List claims by state, assignee or article."),
  "GET /api/claims/:id": staff("A claim with its verdict, sources and the actions you may take."),
  "GET /api/claims/attention": staff("Claims that need a person (changed or orphaned places, public claims to re-review), each in full, with the total."),
  "GET /api/claims/:id/publish-preview": staff("What the public will see once the claim is published: the card as rendered and the ClaimReview, with the publish decision.", "decideTransition(publish)"),
  "PATCH /api/claims/:id": staff("Edit a claim's content.", "canEdit: checkers their own or assigned claims until review, editors until approval"),
  "DELETE /api/claims/:id": staff("Delete a draft.", "canDelete: checkers their own drafts, editors any draft"),
  "POST /api/claims/:id/transitions": staff("Move a claim through the workflow (submit, approve, publish, correct, retract…).", "decideTransition: editorial actions need an editor; four eyes"),
  "POST /api/claims/:id/assign": power("assign", "Assign a claim to a staff member."),
  "POST /api/claims/:id/anchor": staff("Place a claim on the current text (a proposal for a public claim).", "canReanchor"),
  "POST /api/claims/:id/anchor/confirm": editors("Confirm the proposed place of a public claim.", "canConfirmAnchor: a second editor"),
  "POST /api/claims/:id/same-as": staff("Link a claim to a published fact-check of the same claim.", "canLinkSameClaim"),
  "GET /api/claims/:id/comments": staff("A claim's comments."),
  "POST /api/claims/:id/comments": staff("Comment on a claim."),
  "GET /api/claims/:id/history": staff("A claim's audit events."),
  "GET /api/claims/:id/anchor-history": staff("A claim's place in every revision, and what decided each step."),
  "GET /api/claimants": staff("Search claimants by name."),
  "POST /api/claimants": power("createClaimants", "Create a claimant (\"Create new claimant\"); an existing one with the same folded name is returned instead."),
  "GET /api/claimants/:id": staff("A claimant with the description waiting for approval."),
  "PATCH /api/claimants/:id": editors("Edit a claimant's description.", "canEditClaimant"),
  "PATCH /api/claimants/:id/kind": staff("Set a claimant's kind (person or organisation).", "canEditClaimantKind: editors or the claimant's creator"),
  "POST /api/claimants/:id/merge": editors("Merge a duplicate claimant into the one kept: its claims move over, audited.", "canMergeClaimants"),
  "POST /api/claimants/:id/approve-description": editors("Make a claimant's description public.", "canApproveClaimantDescription: an editor other than its writer"),
  "POST /api/match": staff("Fact-checks most like a text (already checked).", "canUseNewsroomTools"),
  "GET /api/search": staff("Search claims in every state, or articles, with filters, snippets and a cursor.", "canUseNewsroomTools"),
  "POST /api/fact-checks/import": staff("Import other organisations' ClaimReview as external fact-checks.", "canUseNewsroomTools"),
  "GET /api/webhooks": power("manageWebhooks", "Registered webhooks."),
  "POST /api/webhooks": power("manageWebhooks", "Register a webhook; its signing secret is shown once."),
  "DELETE /api/webhooks/:id": power("manageWebhooks", "Disable a webhook."),
  "GET /api/webhooks/:id/deliveries": power("manageWebhooks", "A webhook's deliveries and retries."),
  "GET /api/watch": power("viewWatch", "The stealth-edit watch's state."),
  "PUT /api/watch/settings": power("configureWatch", "Set the stealth-edit watch's schedule."),
  "GET /api/articles/:id/live": staff("The article's live desk (WebSocket upgrade): presence, and the ids and versions of committed changes.", "canJoinDesk; a cookie session must come from Factline's own Origin"),
  "GET /api/queue/live": staff("The review queue's live desk (WebSocket upgrade): committed claim changes for the queue, the dashboard and its badge.", "canJoinDesk: editors every change, others their own claims"),
  "GET /api/public/annotations": open("W3C Web Annotation JSON-LD of the public claims on the article at `url` (CORS open)."),
  "GET /": open("Home page: the latest public fact-checks (HTML)."),
  "GET /app/": open("The workspace for staff (its API calls need a session)."),
  "GET /articles/:slug": open("A public annotated article (HTML, or W3C JSON-LD on Accept)."),
  "GET /articles/:slug/annotations": open("The article's public claims as W3C Web Annotation JSON-LD."),
  "GET /claims/:id": open("A public fact-check page with ClaimReview JSON-LD."),
  "GET /claimants/:id": open("A claimant's public fact-checks."),
  "GET /search": open("Search public fact-checks and their articles, with filters (HTML)."),
  "GET /feed.xml": open("Atom feed of public fact-checks."),
  "GET /sitemap.xml": open("Sitemap index of public pages: one file a block of 10,000 article or claim ids."),
  "GET /sitemaps/:file": open("One sitemap file: home.xml, articles-N.xml or claims-N.xml."),
  "GET /robots.txt": open("robots.txt"),
  "GET /methodology": open("How fact-checks are made, and the rating scale in the admins' wording with examples (HTML)."),
  "GET /corrections": open("The corrections policy (HTML)."),
  "GET /about": open("The organisation, its funding and team, as an admin wrote them (HTML)."),
  "GET /contact": open("The form to suggest a claim to check (HTML, works without JavaScript)."),
  "POST /contact": open("Send a tip (form-encoded; only from the site's own pages; rate-limited per client; 303 to the thank-you page)."),
  "GET /api/site/about": power("editSitePages", "The about page's content for the workspace's form."),
  "PUT /api/site/about": power("editSitePages", "Save the about page at the version seen; the public page refreshes."),
  "GET /api/tips": power("readTips", "Readers' tips from the contact form, newest first, with the total."),
};

const rank: Record<"public" | Role, number> = { public: 0, checker: 1, editor: 2, admin: 3 };

/** The least role that gets past a route's door: roles are nested (an editor can do what a checker can, an admin what an editor can). */
export function minimumRole(access: Pick<RouteAccess, "roles">): "public" | Role {
  if (access.roles === "public") return "public";
  return [...access.roles].sort((a, b) => rank[a] - rank[b])[0] ?? "admin";
}
