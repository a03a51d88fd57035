import { describe, expect, it } from "vitest";
import { claimIdsOf, navigationStops, shortcutDirection, step, type KeyLike } from "../../../web/src/public/claim-nav";

/** Just enough of an element for these functions: attributes and `closest`. */
function fakeElement(attrs: Record<string, string>, editable = false) {
  return { getAttribute: (name: string) => attrs[name] ?? null, closest: () => (editable ? {} : null) } as unknown as Element;
}

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, target: fakeElement({}), ...extra });

describe("claimIdsOf", () => {
  it("reads a highlight's data-claims and a verdict tag's data-claim", () => {
    expect(claimIdsOf(fakeElement({ "data-claims": "3  5" }))).toEqual(["3", "5"]);
    expect(claimIdsOf(fakeElement({ "data-claim": "7" }))).toEqual(["7"]);
    expect(claimIdsOf(fakeElement({}))).toEqual([]);
  });
});

describe("navigationStops", () => {
  it("stops once per claim, at its first segment, in reading order (overlaps split claims into segments)", () => {
    const segments = [fakeElement({ "data-claims": "1" }), fakeElement({ "data-claims": "1 2" }), fakeElement({ "data-claims": "2" }), fakeElement({ "data-claims": "3" })];
    const stops = navigationStops(segments);
    expect(stops.map((s) => s.id)).toEqual(["1", "2", "3"]);
    expect(stops.map((s) => segments.indexOf(s.link))).toEqual([0, 1, 3]);
  });
});

describe("step", () => {
  it("moves forward and back, wrapping at both ends", () => {
    expect(step(0, 1, 3)).toBe(1);
    expect(step(2, 1, 3)).toBe(0);
    expect(step(0, -1, 3)).toBe(2);
  });

  it("starts at the first (forward) or the last (back) claim when the reader is at none", () => {
    expect(step(-1, 1, 3)).toBe(0);
    expect(step(-1, -1, 3)).toBe(2);
  });

  it("has nowhere to go without claims", () => {
    expect(step(-1, 1, 0)).toBe(-1);
  });
});

describe("shortcutDirection", () => {
  it("maps j and n to next, k and p to previous, in either case", () => {
    expect(["j", "n", "J", "N"].map((k) => shortcutDirection(key(k)))).toEqual([1, 1, 1, 1]);
    expect(["k", "p", "K", "P"].map((k) => shortcutDirection(key(k)))).toEqual([-1, -1, -1, -1]);
  });

  it("ignores other keys, combinations with Ctrl, Alt or Meta, and typing in form fields", () => {
    expect(shortcutDirection(key("x"))).toBe(0);
    expect(shortcutDirection(key("Escape"))).toBe(0);
    expect(shortcutDirection(key("j", { ctrlKey: true }))).toBe(0);
    expect(shortcutDirection(key("n", { altKey: true }))).toBe(0);
    expect(shortcutDirection(key("p", { metaKey: true }))).toBe(0);
    expect(shortcutDirection(key("j", { target: fakeElement({}, true) }))).toBe(0);
  });
});
