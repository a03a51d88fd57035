import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosave, type SaveOutcome, type SaveState } from "../../../web/src/lib/autosave";

describe("createAutosave", () => {
  let states: SaveState[];
  let outcomes: SaveOutcome[];
  let saves: number;
  const make = () =>
    createAutosave({
      delayMs: 500,
      save: async () => {
        saves++;
        return outcomes.shift() ?? { ok: true };
      },
      onState: (s) => states.push(s),
    });

  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
    outcomes = [];
    saves = 0;
  });
  afterEach(() => vi.useRealTimers());

  it("saves once after a burst of edits, going unsaved → saving → saved", async () => {
    const a = make();
    a.changed();
    a.changed();
    a.changed();
    expect(a.state).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(600);
    expect(saves).toBe(1);
    expect(states).toEqual(["unsaved", "unsaved", "unsaved", "saving", "saved"]);
  });

  it("saves again when an edit arrives during a save", async () => {
    let release!: () => void;
    const a = createAutosave({
      delayMs: 100,
      save: () => {
        saves++;
        return saves === 1 ? new Promise<SaveOutcome>((r) => (release = () => r({ ok: true }))) : Promise.resolve({ ok: true });
      },
      onState: (s) => states.push(s),
    });
    a.changed();
    await vi.advanceTimersByTimeAsync(150);
    a.changed(); // typed while saving
    release();
    await vi.advanceTimersByTimeAsync(150);
    expect(saves).toBe(2);
    expect(a.state).toBe("saved");
  });

  it("stops at a conflict and keeps the content unsaved until reset", async () => {
    outcomes.push({ ok: false, conflict: true, message: "stale" });
    const a = make();
    a.changed();
    await vi.advanceTimersByTimeAsync(600);
    expect(a.state).toBe("conflict");
    a.changed();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toBe(1);
    a.reset(true);
    await vi.advanceTimersByTimeAsync(600);
    expect(saves).toBe(2);
    expect(a.state).toBe("saved");
  });

  it("reports an error and keeps the content dirty for the next flush", async () => {
    outcomes.push({ ok: false, conflict: false, message: "offline" });
    const a = make();
    a.changed();
    await vi.advanceTimersByTimeAsync(600);
    expect(a.state).toBe("error");
    await expect(a.flush()).resolves.toBe("saved");
    expect(saves).toBe(2);
  });

  it("flush saves at once without waiting for the delay", async () => {
    const a = make();
    a.changed();
    await expect(a.flush()).resolves.toBe("saved");
    expect(saves).toBe(1);
  });
});
