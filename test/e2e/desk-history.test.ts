import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { claimOn, importText, inEachLanguage, phoneShot } from "./desk-helpers";
import { apiCall, loginAs, viewportShot, waitSaved } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();
const stamp = Date.now();

describe("item 7: history", () => {
  it("groups one person's autosaves into one readable entry with the verdict, sources and explanation changed", async () => {
    const checker = await loginAs(browser(), baseUrl, "checker@factline.local");
    const article = await importText(checker, `History ${stamp}\n\nThe agency said 80 schools were built.`);
    const claim = await claimOn(checker, article, "80 schools were built", { ratingKey: "half-true" });
    await checker.goto(`${baseUrl}/app/#/claims/${claim.id}`);
    await checker.getByLabel("Verdict").selectOption("false");
    await waitSaved(checker);
    await checker.locator(".claim-panel .rich-text-content").click();
    await checker.keyboard.type("The register lists 12 schools.");
    await waitSaved(checker);
    await checker.getByRole("button", { name: "Add source" }).click();
    const source = checker.locator(".source").first();
    await source.getByLabel("URL").fill("https://register.example.org/schools");
    await source.getByLabel("Title").fill("School register");
    await waitSaved(checker);
    const events = (await apiCall(checker, "GET", `/api/claims/${claim.id}/history`)).body.items as { action: string }[];
    const saves = events.filter((e) => e.action === "claim.update").length;
    expect(saves).toBeGreaterThanOrEqual(3);

    await checker.reload();
    const open = async () => {
      const box = checker.locator(".history-box");
      await box.waitFor();
      if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open))) await box.locator("summary").click();
      await checker.locator('.history li[data-action="claim.update"]').first().waitFor();
      await box.scrollIntoViewIfNeeded();
    };
    await open();
    const edits = checker.locator('.history li[data-action="claim.update"]');
    await expect(edits.count()).resolves.toBe(1);
    await expect(edits.getAttribute("data-saves")).resolves.toBe(String(saves));
    await expect(edits.textContent()).resolves.toContain(`Chen Checker edited the claim (${saves} saves)`);
    await expect(edits.locator('[data-change="verdict"]').textContent()).resolves.toBe("Verdict: Half true → False");
    await expect(edits.locator('[data-change="sources-added"]').textContent()).resolves.toBe("Sources added: https://register.example.org/schools");
    await expect(edits.locator('[data-change="explanation"] ins').textContent()).resolves.toBe("The register lists 12 schools.");
    await expect(checker.locator(".history").textContent()).resolves.not.toContain("claim.update");
    const violations = await inEachLanguage(checker, "desk-history", open, ".claim-panel");
    expect(violations).toEqual({ en: [], ru: [], kk: [] });
    await phoneShot(checker, "desk-history", open);
    await viewportShot(checker, "desk-history-desktop");
  });
});
