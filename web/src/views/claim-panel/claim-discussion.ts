/** Staff comments (threaded one level) and the audit history of a claim. */
import { api, errorMessage, unwrap, type CommentItem, type UserItem } from "../../lib/api";
import { field, formatDate, h, replace } from "../../lib/dom";
import { t, uiLanguage } from "../../lib/i18n";
import { historyItems } from "./claim-history";

/** The comments and history section of a claim. */
export function renderDiscussion(claimId: number, people: UserItem[]) {
  const nameOf = (id: number | null) => people.find((u) => u.id === id)?.name ?? "—";
  const list = h("ul", { class: "comments" });
  const history = h("ol", { class: "history" });
  let replyTo: number | null = null;
  const textarea = h("textarea", { name: "comment", rows: 2 });
  const f = field(t("addComment"), textarea);
  const replyNote = h("p", { class: "hint", hidden: true });
  const post = h("button", { type: "button", class: "btn btn-small" }, t("postComment"));

  const commentItem = (c: CommentItem, all: CommentItem[]): HTMLLIElement => {
    const reply = h("button", { type: "button", class: "btn btn-link", "aria-label": `${t("reply")}: ${c.authorName}` }, t("reply"));
    reply.addEventListener("click", () => {
      replyTo = c.id;
      replyNote.hidden = false;
      replyNote.textContent = `${t("reply")} → ${c.authorName}`;
      textarea.focus();
    });
    const children = all.filter((x) => x.parentId === c.id);
    return h(
      "li",
      { class: "comment", "data-comment-id": c.id, id: `comment-${c.id}`, tabindex: -1 },
      h("p", { class: "comment-meta" }, h("strong", {}, c.authorName), " ", h("time", { datetime: c.createdAt, class: "muted" }, formatDate(c.createdAt, uiLanguage())), " ", reply),
      h("p", { class: "comment-body" }, c.body),
      children.length ? h("ul", { class: "comments" }, children.map((x) => commentItem(x, all))) : null,
    );
  };

  async function load() {
    const [comments, events] = await Promise.all([
      unwrap(api.claims[":id"].comments.$get({ param: { id: String(claimId) } })),
      unwrap(api.claims[":id"].history.$get({ param: { id: String(claimId) } })),
    ]);
    const top = comments.items.filter((c) => !c.parentId || !comments.items.some((p) => p.id === c.parentId));
    replace(list, top.length ? top.map((c) => commentItem(c, comments.items)) : h("li", { class: "muted" }, t("empty")));
    replace(history, historyItems(events.items, nameOf));
  }

  post.addEventListener("click", async () => {
    f.setError(null);
    if (!textarea.value.trim()) return f.setError(t("addComment"));
    post.disabled = true;
    try {
      await unwrap(api.claims[":id"].comments.$post({ param: { id: String(claimId) }, json: { body: textarea.value.trim(), ...(replyTo ? { parentId: replyTo } : {}) } }));
      textarea.value = "";
      replyTo = null;
      replyNote.hidden = true;
      await load();
    } catch (err) {
      f.setError(errorMessage(err));
    } finally {
      post.disabled = false;
    }
  });

  load().catch((err) => replace(list, h("li", { class: "error", role: "alert" }, errorMessage(err))));
  return h(
    "div",
    // The live desk asks for fresh comments this way (web/src/live/claim-change.ts); the comment being written stays.
    { class: "discussion", "onlive-reload": (() => void load().catch(() => undefined)) as EventListener },
    h("section", { "aria-labelledby": `comments-${claimId}` }, h("h3", { id: `comments-${claimId}` }, t("comments")), list, replyNote, f.wrap, post),
    h("details", { class: "history-box" }, h("summary", {}, h("h3", {}, t("history"))), history),
  );
}
