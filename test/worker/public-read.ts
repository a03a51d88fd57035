import { call, json } from "./support";

/** One public claim as the W3C export shows it: its verdict tag and its quote. */
export interface PublicAnnotation {
  id: number;
  tag: string | null;
  exact: string | null;
  start: number | null;
}

/** The public W3C annotations of an article, keyed by claim id (what annotation tools and the widget read). */
export async function publicAnnotations(slug: string): Promise<Map<number, PublicAnnotation>> {
  const res = await call(`/articles/${slug}/annotations`);
  if (res.status >= 500) throw new Error(`annotations: ${res.status}`);
  const out = new Map<number, PublicAnnotation>();
  if (res.status !== 200) return out;
  const body = await json(res);
  for (const item of body.first?.items ?? []) {
    const id = Number(/\/claims\/(\d+)/.exec(item.id)?.[1]);
    const tag = (item.body as { purpose: string; value: string }[]).find((b) => b.purpose === "tagging")?.value ?? null;
    const quote = item.target.selector.find((s: { type: string }) => s.type === "TextQuoteSelector");
    const position = item.target.selector.find((s: { type: string }) => s.type === "TextPositionSelector");
    out.set(id, { id, tag, exact: quote?.exact ?? null, start: position?.start ?? null });
  }
  return out;
}

/** The quotes highlighted on an article's public page, keyed by claim id. */
export function pageHighlights(html: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of html.matchAll(/data-claims="([\d ]+)"[^>]*>\s*<mark>([^<]*)<\/mark>/g)) {
    for (const id of m[1].split(" ")) out.set(Number(id), (out.get(Number(id)) ?? "") + m[2]);
  }
  return out;
}
