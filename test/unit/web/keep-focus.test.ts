import { describe, expect, it } from "vitest";
import { focusSelectors } from "../../../web/src/lib/keep-focus";

/** An element as focusSelectors sees it: its attributes. */
const el = (attributes: Record<string, string>) => ({ getAttribute: (name: string) => attributes[name] ?? null });

describe("focusSelectors (finding the focused control again after a redraw)", () => {
  it("names the control first, then each named place around it, innermost first", () => {
    const chain = [el({ "data-action": "submit", class: "btn" }), el({ class: "action" }), el({ "data-focus-key": "decisions", "aria-labelledby": "decisions-3" })];
    expect(focusSelectors(chain)).toEqual(['[data-action="submit"]', '[data-focus-key="decisions"]']);
  });

  it("prefers an explicit focus key over an action, a name and an id", () => {
    expect(focusSelectors([el({ id: "x", name: "n", "data-action": "a", "data-focus-key": "k" })])).toEqual(['[data-focus-key="k"]']);
    expect(focusSelectors([el({ id: "x", name: "decisionComment" })])).toEqual(['[name="decisionComment"]']);
    expect(focusSelectors([el({ id: "ui-language" })])).toEqual(['[id="ui-language"]']);
  });

  it("escapes quotes and backslashes in a value", () => {
    expect(focusSelectors([el({ name: 'say "hi" \\ bye' })])).toEqual(['[name="say \\"hi\\" \\\\ bye"]']);
  });

  it("gives nothing for an unnamed control in unnamed places", () => {
    expect(focusSelectors([el({ class: "btn" }), el({ class: "actions" })])).toEqual([]);
  });
});
