/** Hash routes of the workspace (#/articles/3, #/queue?state=in_review). Pure: parsing only. */

export type Route =
  | { name: "login"; email: string | null }
  | { name: "invite"; token: string }
  | { name: "adminUsers" }
  | { name: "adminAbout" }
  | { name: "tips" }
  | { name: "account" }
  | { name: "flagged" }
  | { name: "dashboard" }
  | { name: "articles"; query: URLSearchParams }
  | { name: "article"; id: number; claimId: number | null }
  | { name: "claim"; id: number }
  | { name: "queue"; query: URLSearchParams }
  | { name: "search"; query: URLSearchParams }
  | { name: "notFound" };

/** The route for a location hash. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/";
  const [path, search = ""] = raw.split("?");
  const query = new URLSearchParams(search);
  const parts = path.split("/").filter(Boolean);
  const num = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
  if (parts.length === 0) return { name: "dashboard" };
  if (parts[0] === "login" && parts.length === 1) return { name: "login", email: query.get("email") };
  // Invitation tokens are base64url; anything else is not a link we made.
  if (parts[0] === "invite" && parts.length === 2 && /^[A-Za-z0-9_-]{20,200}$/.test(parts[1])) return { name: "invite", token: parts[1] };
  if (parts[0] === "admin" && parts[1] === "users" && parts.length === 2) return { name: "adminUsers" };
  if (parts[0] === "admin" && parts[1] === "about" && parts.length === 2) return { name: "adminAbout" };
  if (parts[0] === "tips" && parts.length === 1) return { name: "tips" };
  if (parts[0] === "account" && parts.length === 1) return { name: "account" };
  if (parts[0] === "flagged" && parts.length === 1) return { name: "flagged" };
  if (parts[0] === "queue" && parts.length === 1) return { name: "queue", query };
  if (parts[0] === "search" && parts.length === 1) return { name: "search", query };
  if (parts[0] === "articles") {
    if (parts.length === 1) return { name: "articles", query };
    const id = num(parts[1]);
    if (id && parts.length === 2) return { name: "article", id, claimId: null };
    const claimId = num(parts[3]);
    if (id && parts[2] === "claims" && claimId && parts.length === 4) return { name: "article", id, claimId };
  }
  if (parts[0] === "claims" && parts.length === 2 && num(parts[1])) return { name: "claim", id: num(parts[1])! };
  return { name: "notFound" };
}

/** Routes a visitor may open without a session. */
export const isPublicRoute = (route: Route) => route.name === "login" || route.name === "invite";

/** The login route with an email filled in (after an invitation is accepted). */
export const loginHash = (email: string) => `#/login?${new URLSearchParams({ email })}`;

/** The hash of a claim in its article. */
export const claimHash = (articleId: number, claimId: number) => `#/articles/${articleId}/claims/${claimId}`;
