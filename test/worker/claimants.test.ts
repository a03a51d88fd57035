import { beforeEach, describe, expect, it } from "vitest";
import { call, claimThrough, db, importArticle, json, signInStaff, type Staff } from "./support";
import { auditEvents } from "../../schema/tables";
import { desc } from "drizzle-orm";

let checker: Staff, checker2: Staff, editor: Staff, editor2: Staff;
const text = "Bridges\n\nThe mayor said 12 bridges were repaired. The city office said 40 roads were paved.";

beforeEach(async () => {
  ({ checker, checker2, editor, editor2 } = await signInStaff());
});

const create = (name: string, as: Staff, kind?: string) => call("/api/claimants", { method: "POST", as, body: { name, ...(kind ? { kind } : {}) } });
const search = async (q: string, as: Staff) => (await json(await call(`/api/claimants?q=${encodeURIComponent(q)}`, { as }))).items as { id: number; name: string; kind: string }[];
const lastAudit = async () => (await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).all())[0]!;

describe("POST /api/claimants", () => {
  it("creates a claimant once; the same folded name returns the existing one", async () => {
    const first = await create("Aidar Seitkali", checker, "person");
    expect(first.status).toBe(201);
    const made = await json(first);
    expect(made).toMatchObject({ created: true, claimant: { name: "Aidar Seitkali", kind: "person", createdBy: checker.id } });
    const again = await create("  aidar   SEITKALI ", checker2);
    expect(again.status).toBe(200);
    expect((await json(again)).claimant.id).toBe(made.claimant.id);
    expect((await search("aidar", checker)).map((c) => c.name)).toEqual(["Aidar Seitkali"]);
    expect(await lastAudit()).toMatchObject({ action: "claimant.create", entityId: made.claimant.id });
  });

  it("refuses an empty name and the public", async () => {
    expect((await create("   ", checker)).status).toBe(400);
    expect((await call("/api/claimants", { method: "POST", body: { name: "X" } })).status).toBe(401);
  });
});

describe("PATCH /api/claimants/:id/kind", () => {
  it("lets the creator and editors set the kind, versioned and audited; ClaimReview follows it", async () => {
    const article = await importArticle(text, checker);
    const { claimant } = await json(await create("City Office", checker));
    const claim = await claimThrough(article, "40 roads were paved", "published", { checker, editor }, { claimant: { id: claimant.id } });
    expect((await call(`/api/claimants/${claimant.id}/kind`, { method: "PATCH", as: checker2, body: { version: 1, kind: "organization" } })).status).toBe(403);
    const byCreator = await call(`/api/claimants/${claimant.id}/kind`, { method: "PATCH", as: checker, body: { version: 1, kind: "organization" } });
    expect(byCreator.status).toBe(200);
    expect((await json(byCreator)).claimant).toMatchObject({ kind: "organization", version: 2 });
    expect(await lastAudit()).toMatchObject({ action: "claimant.kind", before: { kind: "person" }, after: { kind: "organization" } });
    const stale = await call(`/api/claimants/${claimant.id}/kind`, { method: "PATCH", as: editor, body: { version: 1, kind: "person" } });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.code).toBe("stale_version");
    const page = await (await call(`/claims/${claim.id}`)).text();
    expect(page).toMatch(/"author":\{"@type":"Organization","name":"City Office"\}/);
    expect((await call(`/api/claimants/${claimant.id}/kind`, { method: "PATCH", as: editor, body: { version: 2, kind: "bot" } })).status).toBe(400);
  });
});

describe("POST /api/claimants/:id/merge", () => {
  it("moves every claim to the claimant kept, deletes the duplicate, audits it in one batch, and the public pages follow", async () => {
    const article = await importArticle(text, checker);
    const keep = (await json(await create("Mayor Aidar", checker))).claimant;
    const dup = (await json(await create("Mayor Aidar S.", checker))).claimant;
    const published = await claimThrough(article, "12 bridges were repaired", "published", { checker, editor }, { claimant: { id: dup.id } });
    const draft = await claimThrough(article, "40 roads were paved", "draft", { checker, editor }, { claimant: { id: dup.id } });
    expect((await call(`/claimants/${dup.id}`)).status).toBe(200);

    const merge = (as: Staff, body: Record<string, unknown>) => call(`/api/claimants/${dup.id}/merge`, { method: "POST", as, body });
    expect((await merge(checker, { version: 1, keepId: keep.id, keepVersion: 1 })).status).toBe(403);
    expect((await call(`/api/claimants/${keep.id}/merge`, { method: "POST", as: editor, body: { version: 1, keepId: keep.id, keepVersion: 1 } })).status).toBe(409);
    expect((await merge(editor, { version: 1, keepId: 999999, keepVersion: 1 })).status).toBe(404);
    const stale = await merge(editor, { version: 1, keepId: keep.id, keepVersion: 7 });
    expect(stale.status).toBe(409);
    // The refused merge wrote nothing.
    expect((await json(await call(`/api/claims/${draft.id}`, { as: checker }))).claim.claimant.id).toBe(dup.id);

    const res = await merge(editor2, { version: 1, keepId: keep.id, keepVersion: 1 });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ movedClaims: 2, claimant: { id: keep.id, version: 2 } });
    for (const id of [published.id, draft.id]) {
      const { claim } = await json(await call(`/api/claims/${id}`, { as: checker }));
      expect(claim.claimant).toMatchObject({ id: keep.id, name: "Mayor Aidar" });
    }
    expect((await call(`/api/claimants/${dup.id}`, { as: editor })).status).toBe(404);
    expect((await search("mayor aidar", checker)).map((c) => c.id)).toEqual([keep.id]);
    const history = await json(await call(`/api/claims/${draft.id}/history`, { as: checker }));
    expect(JSON.stringify(history)).toContain("claim.claimant_merge");
    const audits = await db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(3).all();
    expect(audits.map((a) => a.action).sort()).toEqual(["claim.claimant_merge", "claim.claimant_merge", "claimant.merge"]);
    expect(audits.find((a) => a.action === "claimant.merge")).toMatchObject({ entityId: keep.id, before: { merged: { id: dup.id, name: "Mayor Aidar S." } } });
    // Public pages, served from memory, show the claimant kept and forget the duplicate.
    expect((await call(`/claimants/${dup.id}`)).status).toBe(404);
    const kept = await (await call(`/claimants/${keep.id}`)).text();
    expect(kept).toContain("12 bridges were repaired");
    expect(await (await call(`/claims/${published.id}`)).text()).toContain("Mayor Aidar");
  });
});
