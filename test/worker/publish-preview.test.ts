import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, importArticle, json, signInStaff, type Staff } from "./support";

let checker: Staff, editor: Staff, editor2: Staff;
beforeEach(async () => {
  ({ checker, editor, editor2 } = await signInStaff());
});

describe("GET /api/claims/:id/publish-preview", () => {
  it("renders the public card and the ClaimReview of an approved claim, escaped, with who may publish", async () => {
    const article = await importArticle("Preview\n\nThe office said 9 parks opened.", checker);
    const claim = await claimThrough(article, "9 parks opened", "approved", { checker, editor: editor2 }, { ratingKey: "false", claimant: { name: "<img src=x> Office", kind: "organization" } });
    const res = await call(`/api/claims/${claim.id}/publish-preview?ui=ru`, { as: editor });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.cardHtml).toContain("9 parks opened");
    expect(body.cardHtml).toContain("&lt;img src=x&gt; Office");
    expect(body.cardHtml).not.toContain("<img");
    expect(body.cardHtml).toContain("Ложь");
    expect(body.claimReview).toMatchObject({ "@type": "ClaimReview", itemReviewed: { author: { "@type": "Organization", name: "<img src=x> Office" } } });
    expect(body.publicPath).toBe(`/claims/${claim.id}`);
    expect(body.publishable).toEqual({ ok: true });
    // The checker is no editor.
    expect((await json(await call(`/api/claims/${claim.id}/publish-preview`, { as: checker }))).publishable.ok).toBe(false);
    // Nothing became public by looking.
    expect((await call(`/claims/${claim.id}`)).status).toBe(404);
    expect((await call(`/api/claims/${claim.id}/publish-preview`)).status).toBe(401);
    expect((await call(`/api/claims/999999/publish-preview`, { as: editor })).status).toBe(404);
    expect((await call(`/api/claims/${claim.id}/publish-preview?ui=xx`, { as: editor })).status).toBe(400);
  });
});
