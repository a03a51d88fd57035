import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { claimOn, importText, inEachLanguage, phoneShot, seriousViolations } from "./desk-helpers";
import { apiCall, loginAs, viewportShot, waitSaved } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();
const stamp = Date.now();
const text = `Claimant desk ${stamp}\n\nThe agency said 300 clinics opened. The mayor said 12 bridges were repaired.`;

describe("items 1–2: claimant names and kinds", () => {
  it("creates a claimant only on “Create new claimant”, keeps the kind until then, edits the kind later, and merges a duplicate", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const article = await importText(checker, text);
    const claim = await claimOn(checker, article, "300 clinics opened");
    await checker.goto(`${baseUrl}/app/#/claims/${claim.id}`);
    const name = `Aidar Seitkali ${stamp}`;
    const input = checker.getByLabel("Claimant", { exact: true });
    await input.waitFor();

    // Typing with pauses longer than autosave's, and a verdict saved meanwhile: nothing is created.
    for (const part of ["Ai", "dar Seit", `kali ${stamp}`]) {
      await input.pressSequentially(part);
      await checker.waitForTimeout(1200);
    }
    await checker.getByLabel("Verdict").selectOption("mostly-false");
    await waitSaved(checker);
    await checker.getByLabel("Kind").selectOption("organization");
    await checker.waitForTimeout(1200);
    const kindBox = checker.locator(".claim-form .new-claimant");
    await expect(kindBox.isVisible()).resolves.toBe(true);
    await expect(checker.getByLabel("Kind").inputValue()).resolves.toBe("organization");
    const fragments = await apiCall(checker, "GET", `/api/claimants?q=${encodeURIComponent(String(stamp))}`);
    expect(fragments.body.items).toEqual([]);
    const before = await apiCall(checker, "GET", `/api/claims/${claim.id}`);
    expect(before.body.claim.claimant).toBeNull();
    // Switching the language draws the screen again: the draft is typed again there.
    const draftShown = async () => {
      const field = checker.locator('.claim-form input[name="claimant"]');
      await field.waitFor();
      if (!(await field.inputValue())) {
        await field.fill(name);
        await checker.locator('.claim-form select[name="claimantKind"]').selectOption("organization");
      }
      await kindBox.waitFor();
    };
    const violations = await inEachLanguage(checker, "desk-claimant-draft", draftShown, ".claim-panel");
    expect(violations).toEqual({ en: [], ru: [], kk: [] });
    await phoneShot(checker, "desk-claimant-draft", draftShown);
    await draftShown();

    // Enter on the name creates it, as the organisation chosen, and the claim saves it.
    await input.press("Enter");
    await kindBox.waitFor({ state: "hidden" });
    await waitSaved(checker);
    const after = await apiCall(checker, "GET", `/api/claims/${claim.id}`);
    expect(after.body.claim.claimant).toMatchObject({ name, kind: "organization" });
    const created = await apiCall(checker, "GET", `/api/claimants?q=${encodeURIComponent(String(stamp))}`);
    expect(created.body.items.map((c: { name: string }) => c.name)).toEqual([name]);
    const claimantId = after.body.claim.claimant.id;

    // Its creator edits the kind later, in the claimant section.
    const kindEdit = checker.locator('select[name="claimantKindEdit"]');
    await kindEdit.waitFor();
    await expect(kindEdit.inputValue()).resolves.toBe("organization");
    await kindEdit.selectOption("person");
    await checker.locator('[data-action="save-kind"]').click();
    await checker.locator("[data-kind-status]", { hasText: "Kind saved." }).waitFor();
    await expect.poll(async () => (await apiCall(checker, "GET", `/api/claimants/${claimantId}`)).body.claimant.kind).toBe("person");
    await checker.locator('select[name="claimantKindEdit"]').selectOption("organization");
    await checker.locator('[data-action="save-kind"]').click();
    await expect.poll(async () => (await apiCall(checker, "GET", `/api/claimants/${claimantId}`)).body.claimant.kind).toBe("organization");
    await checker.locator("[data-kind-status]", { hasText: "Kind saved." }).waitFor();
    await checker.locator(".claimant-kind").scrollIntoViewIfNeeded();
    await viewportShot(checker, "desk-claimant-kind");

    // A duplicate made earlier, with a claim of its own; an editor merges it into the one kept.
    const dup = await apiCall(checker, "POST", "/api/claimants", { name: `A. Seitkali ${stamp}`, kind: "person" });
    expect(dup.status).toBe(201);
    const other = await claimOn(checker, article, "12 bridges were repaired", { claimant: { id: dup.body.claimant.id } });
    const editor = await loginAs(browser(), baseUrl, "editor@factline.local");
    await editor.goto(`${baseUrl}/app/#/claims/${claim.id}`);
    await editor.locator(".claimant-merge summary").click();
    await editor.getByLabel("Duplicate to merge").pressSequentially(`A. Seitkali ${stamp}`);
    await editor.waitForTimeout(600);
    await editor.locator('[data-action="merge-claimant"]').click();
    const question = editor.locator("[data-merge-question]");
    await expect(question.textContent()).resolves.toBe(`Merge “A. Seitkali ${stamp}” into “${name}”? Its fact-checks move to “${name}” and “A. Seitkali ${stamp}” is deleted.`);
    await viewportShot(editor, "desk-claimant-merge-confirm");
    await expect(seriousViolations(editor, ".claim-panel")).resolves.toEqual([]);
    await editor.locator('[data-action="confirm-merge"]').click();
    await expect.poll(async () => (await apiCall(editor, "GET", `/api/claims/${other.id}`)).body.claim.claimant?.id).toBe(claimantId);
    expect((await apiCall(editor, "GET", `/api/claimants/${dup.body.claimant.id}`)).status).toBe(404);
    await editor.locator(".claim-panel .claim-form").waitFor();
    await viewportShot(editor, "desk-claimant-merged");
  });
});
