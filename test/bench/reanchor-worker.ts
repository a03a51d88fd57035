/** A bench-only worker: re-anchors the loaded claims against the loaded revisions, inside workerd. */
import { reanchorAll } from "../../worker/domain/anchoring";
import { applyFollow, follow, prepareStep, trackedFrom } from "../../worker/domain/anchoring/follow";
import type { StoredAnchor } from "../../worker/domain/anchoring/follow";
import type { TextSelector } from "../../worker/domain/text-selector";

/** The claims made on `oldText`, the one corrected revision of today's bench, and a chain of revisions after `oldText`. */
let loaded: { selectors: TextSelector[]; oldText: string; newText: string; chain: string[] } | null = null;

const count = (statuses: string[]) => {
  const out: Record<string, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
};

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/load") {
      loaded = (await request.json()) as typeof loaded;
      return new Response("loaded");
    }
    if (url.pathname === "/noop") return Response.json({ statuses: {} });
    if (url.pathname === "/run" && loaded) {
      // One revision, as the pipeline re-anchored before it followed diffs: every claim by its quote.
      return Response.json({ statuses: count(reanchorAll(loaded.selectors, loaded.newText).map((r) => r.status)) });
    }
    if (url.pathname === "/chain" && loaded) {
      // The whole chain, one revision at a time, as the pipeline runs it now: the diff first, stored state carried.
      let rows: StoredAnchor[] = loaded.selectors.map((s) => ({ ...s, anchorStatus: "anchored", anchorSuggestion: null, anchorOriginal: null }));
      let previous = loaded.oldText;
      const methods: string[] = [];
      for (const text of loaded.chain) {
        const step = prepareStep(previous, text);
        rows = rows.map((row) => {
          const result = follow(trackedFrom(row), step);
          methods.push(result.method);
          return applyFollow(row, result);
        });
        previous = text;
      }
      return Response.json({ statuses: count(rows.map((r) => r.anchorStatus)), methods: count(methods) });
    }
    return new Response("not found", { status: 404 });
  },
};
