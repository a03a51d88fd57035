import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { claimants, users } from "../../schema/tables";
import { createApiToken } from "../../worker/auth/sessions";
import { listApiTokens, revokeApiToken } from "../../worker/queries/api-tokens";
import { articleSlugBySourceKey, importArticle } from "../../worker/queries/articles";
import { runBatch } from "../../worker/queries/batch";
import { resolveClaimant, searchClaimants } from "../../worker/queries/claimants";
import { Refused } from "../../worker/queries/refusal";
import { getArticleWithRevision } from "../../worker/queries/revisions";
import { acceptInvitation, findLoginUser, inviteUser, updateUser } from "../../worker/queries/users";
import { sourceKey } from "../../worker/domain/source-key";
import { db, signInStaff, type Staff, type Who } from "./support";

/** The refusal a promise rejects with, to assert its kind and code. */
async function refusalOf(promise: Promise<unknown>): Promise<Refused> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Refused);
  return err as Refused;
}

describe("query functions", () => {
  let staff: Record<Exclude<Who, "public">, Staff>;
  const checkerActor = () => ({ id: staff.checker.id, role: "checker" as const });
  beforeEach(async () => {
    staff = await signInStaff();
  });

  describe("claimants", () => {
    it("finds a claimant by any folding of part of the name, and creates one claimant per folded name", async () => {
      for (const name of ["Алёна Иванова", "  алена  иванова ", "АЛЕНА ИВАНОВА", "Nur “Otan”"]) {
        const { statements } = await resolveClaimant(db(), { name, description: null }, checkerActor());
        if (statements.length) await runBatch(db(), statements);
      }
      expect((await db().select().from(claimants)).map((c) => c.name).sort()).toEqual(["Nur “Otan”", "Алёна Иванова"]);
      expect((await searchClaimants(db(), "алЁна", 10)).map((c) => c.name)).toEqual(["Алёна Иванова"]);
      expect((await searchClaimants(db(), 'otan"', 10)).map((c) => c.name)).toEqual(["Nur “Otan”"]);
      expect(await searchClaimants(db(), "", 1)).toHaveLength(1);
    });

    it("refuses an unknown claimant id as invalid input", async () => {
      const refusal = await refusalOf(resolveClaimant(db(), { id: 999_999 }, checkerActor()));
      expect([refusal.kind, refusal.code]).toEqual(["invalid", "unknown_claimant"]);
    });
  });

  describe("users", () => {
    it("finds only enabled accounts for login, whatever the email's case", async () => {
      expect((await findLoginUser(db(), "CHECKER@factline.local"))?.id).toBe(staff.checker.id);
      await db().update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, staff.checker.id));
      expect(await findLoginUser(db(), "checker@factline.local")).toBeUndefined();
    });

    it("accepts an invitation once; the second use is refused and the password stays the first one", async () => {
      const invite = await inviteUser(db(), { email: "new@factline.local", name: "New", role: "checker" }, staff.admin.id);
      expect(await acceptInvitation(db(), invite.token, "first-password-123")).toEqual({ email: "new@factline.local" });
      const hash = (await findLoginUser(db(), "new@factline.local"))!.passwordHash;
      const refusal = await refusalOf(acceptInvitation(db(), invite.token, "second-password-123"));
      expect([refusal.kind, refusal.code]).toEqual(["invalid", "invalid_invitation"]);
      expect((await findLoginUser(db(), "new@factline.local"))!.passwordHash).toBe(hash);
    });

    it("updates a user under its version and refuses a stale one with the current version", async () => {
      const user = await updateUser(db(), staff.checker.id, { version: 1, role: "editor" }, staff.admin.id);
      expect([user.role, user.version]).toEqual(["editor", 2]);
      const stale = await refusalOf(updateUser(db(), staff.checker.id, { version: 1, disabled: true }, staff.admin.id));
      expect([stale.kind, stale.code, stale.details]).toEqual(["conflict", "stale_version", { currentVersion: 2 }]);
      const missing = await refusalOf(updateUser(db(), 999_999, { version: 1 }, staff.admin.id));
      expect(missing.kind).toBe("not_found");
    });
  });

  describe("API tokens", () => {
    it("revokes only the owner's active token", async () => {
      const { id } = await createApiToken(db(), staff.editor.id, "script", 90);
      expect((await refusalOf(revokeApiToken(db(), staff.checker.id, id, staff.admin.id))).kind).toBe("not_found");
      await revokeApiToken(db(), staff.editor.id, id, staff.editor.id);
      expect((await listApiTokens(db(), staff.editor.id))[0].revokedAt).not.toBeNull();
      expect((await refusalOf(revokeApiToken(db(), staff.editor.id, id, staff.editor.id))).kind).toBe("not_found");
    });
  });

  describe("articles", () => {
    it("finds an article's slug by its source and joins it to its current revision", async () => {
      const url = "https://news.example/2023/03/budget-debate";
      const { article } = await importArticle(db(), { text: "Budget debate\n\nThe budget passed on Monday.", format: "text", sourceUrl: url }, checkerActor());
      expect(await articleSlugBySourceKey(db(), sourceKey(url)!)).toBe(article.slug);
      expect(await articleSlugBySourceKey(db(), "news.example/other")).toBeUndefined();
      const { revision } = await getArticleWithRevision(db(), article.id);
      expect([revision.id, revision.number]).toEqual([article.currentRevisionId, 1]);
      expect((await refusalOf(getArticleWithRevision(db(), 999_999))).kind).toBe("not_found");
    });
  });
});
