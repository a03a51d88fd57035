/** A bench-only worker: re-anchors the loaded claims against the loaded revision, inside workerd. */
import { reanchorAll } from "../../worker/domain/anchoring";
import type { TextSelector } from "../../worker/domain/selector";

let loaded: { selectors: TextSelector[]; newText: string } | null = null;

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/load") {
      loaded = (await request.json()) as typeof loaded;
      return new Response("loaded");
    }
    if (url.pathname === "/noop") return Response.json({ statuses: {} });
    if (url.pathname === "/run" && loaded) {
      const statuses: Record<string, number> = {};
      for (const r of reanchorAll(loaded.selectors, loaded.newText)) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      return Response.json({ statuses });
    }
    return new Response("not found", { status: 404 });
  },
};
