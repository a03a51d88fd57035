/** A bench-only worker: scores every sentence of the loaded article inside workerd, or runs a baseline over it. */
import { splitSentences, suggestCheckworthy } from "../../worker/domain/checkworthy";

let loaded: { text: string; lang: string } | null = null;

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/load") {
      loaded = (await request.json()) as typeof loaded;
      return new Response("loaded");
    }
    if (!loaded) return new Response("load first", { status: 409 });
    const { text, lang } = loaded;
    if (url.pathname === "/noop") return Response.json({ sentences: 0, top: 0 });
    // The floor rule "contains a number", on the same segmentation: what any sentence scorer must at least do.
    if (url.pathname === "/number-rule") {
      const sentences = splitSentences(text, lang);
      const top = sentences.filter((s) => /\p{Nd}/u.test(s.text)).length;
      return Response.json({ sentences: sentences.length, top });
    }
    if (url.pathname === "/suggest") {
      const scored = suggestCheckworthy(text, lang);
      return Response.json({ sentences: scored.length, top: scored.filter((s) => s.score >= 0.5).length });
    }
    return new Response("not found", { status: 404 });
  },
};
