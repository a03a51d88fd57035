import { describe, expect, it } from "vitest";
import { rovingIndex } from "../../../web/src/lib/roving-toolbar";

describe("rovingIndex (the WAI-ARIA toolbar's arrow keys)", () => {
  it("moves right and left one button, wrapping at both ends", () => {
    expect(rovingIndex("ArrowRight", 0, 5)).toBe(1);
    expect(rovingIndex("ArrowRight", 4, 5)).toBe(0);
    expect(rovingIndex("ArrowLeft", 3, 5)).toBe(2);
    expect(rovingIndex("ArrowLeft", 0, 5)).toBe(4);
  });

  it("goes to the first button with Home and the last with End", () => {
    expect(rovingIndex("Home", 3, 5)).toBe(0);
    expect(rovingIndex("End", 1, 5)).toBe(4);
  });

  it("stays on a toolbar of one button", () => {
    for (const key of ["ArrowRight", "ArrowLeft", "Home", "End"]) expect(rovingIndex(key, 0, 1)).toBe(0);
  });

  it("leaves every other key (Tab, the vertical arrows, letters) to the browser and the editor", () => {
    for (const key of ["Tab", "ArrowUp", "ArrowDown", "Enter", " ", "b"]) expect(rovingIndex(key, 2, 5)).toBeNull();
  });

  it("ignores a key from outside the buttons, and an empty toolbar", () => {
    expect(rovingIndex("ArrowRight", -1, 5)).toBeNull();
    expect(rovingIndex("ArrowRight", 5, 5)).toBeNull();
    expect(rovingIndex("Home", 0, 0)).toBeNull();
  });
});
