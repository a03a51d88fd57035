import { describe, expect, it } from "vitest";
import { claimStateLabel, claimStates, publicClaimStates, publicStateLabel, uiLanguages } from "../../schema/enums";
import { format } from "../../schema/format";
import { stateLabel } from "../../web/src/lib/claim-label";
import { setUiLanguage } from "../../web/src/lib/i18n";

describe("claim state labels", () => {
  it("name every state in every UI language, each state differently", () => {
    for (const lang of uiLanguages) {
      const labels = claimStates.map((s) => claimStateLabel(s, lang));
      expect(labels.every((l) => l.trim().length > 0)).toBe(true);
      expect(new Set(labels).size).toBe(claimStates.length);
    }
  });

  it("give the public states the same words wherever they are asked for", () => {
    for (const lang of uiLanguages) for (const s of publicClaimStates) expect(publicStateLabel(s, lang)).toBe(claimStateLabel(s, lang));
  });

  it("are what the workspace shows in its current language", async () => {
    await setUiLanguage("kk");
    expect(stateLabel("changes_requested")).toBe(claimStateLabel("changes_requested", "kk"));
    await setUiLanguage("en");
    expect(stateLabel("in_review")).toBe("In review");
  });

  it("show an unknown state as it is", () => {
    expect(claimStateLabel("archived", "ru")).toBe("archived");
  });
});

describe("format", () => {
  it("fills placeholders and leaves a placeholder without a value visible", () => {
    expect(format("Fact-check {n} of {total}", { n: 2, total: 4 })).toBe("Fact-check 2 of 4");
    expect(format("{n} of {total}", { n: 0 })).toBe("0 of {total}");
  });
});
