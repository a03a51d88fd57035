import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { apiCall, loginAs, openClaimId, selectWithMouse } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const browser = useChromium();

describe("the rating scale's wording", () => {
  it("an admin rewords a rating, and checkers choose verdicts by the new label", async () => {
    const admin = await loginAs(browser(), baseUrl, "admin@factline.local");
    // Version 0: nobody has reworded this rating on this server yet.
    const reworded = await apiCall(admin, "PATCH", "/api/rating-scale/misleading", { version: 0, labels: { en: "Misleading framing" } });
    expect(reworded.status, JSON.stringify(reworded.body)).toBe(200);

    const checker = await loginAs(browser(), baseUrl, "checker2@factline.local");
    await checker.goto(`${baseUrl}/app/#/articles?q=${encodeURIComponent("шақырым")}`);
    await checker.locator("table a").first().click();
    await checker.locator(".article-text").waitFor();
    await selectWithMouse(checker, "Әкімнің орынбасары");
    await checker.getByRole("button", { name: "New claim" }).click();
    const verdict = checker.locator(".claim-panel select[name=verdict]");
    await verdict.waitFor();
    const options = await verdict.locator("option").allTextContents();
    expect(options).toContain("Misleading framing");
    expect(options).not.toContain("Misleading");

    // Leave the shared server as it was: the draft goes (through its panel's delete button, which sends
    // the version the panel holds), and the default wording comes back.
    const draftId = openClaimId(checker);
    checker.once("dialog", (dialog) => void dialog.accept());
    await checker.locator(".claim-panel button[data-action=delete]").click();
    await checker.locator(".claim-panel").waitFor({ state: "detached" });
    expect((await apiCall(checker, "GET", `/api/claims/${draftId}`)).status).toBe(404);
    expect((await apiCall(admin, "PATCH", "/api/rating-scale/misleading", { version: 1, labels: { en: null } })).status).toBe(200);
    for (const p of [admin, checker]) await p.context().close();
  });
});
