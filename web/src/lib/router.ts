/** Hash routes of the workspace (#/articles/3, #/queue?state=in_review). Pure: parsing only. */

export type Route =
  | { name: "login" }
  | { name: "dashboard" }
  | { name: "articles"; query: URLSearchParams }
  | { name: "article"; id: number; claimId: number | null }
  | { name: "claim"; id: number }
  | { name: "queue"; query: URLSearchParams }
  | { name: "notFound" };

/** The route for a location hash. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/";
  const [path, search = ""] = raw.split("?");
  const query = new URLSearchParams(search);
  const parts = path.split("/").filter(Boolean);
  const num = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
  if (parts.length === 0) return { name: "dashboard" };
  if (parts[0] === "login" && parts.length === 1) return { name: "login" };
  if (parts[0] === "queue" && parts.length === 1) return { name: "queue", query };
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

/** The hash of a claim in its article. */
export const claimHash = (articleId: number, claimId: number) => `#/articles/${articleId}/claims/${claimId}`;
