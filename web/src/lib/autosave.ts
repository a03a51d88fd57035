/**
 * Debounced autosave with a visible state. One save runs at a time; edits made while it runs
 * trigger another save after it, so the last keystroke is always the one that lands.
 */

export type SaveState = "saved" | "unsaved" | "saving" | "error" | "conflict";

/** What one save attempt reports back. */
export type SaveOutcome = { ok: true } | { ok: false; conflict: boolean; message: string };

export interface AutosaveOptions {
  delayMs: number;
  /** Save the current content; reads it itself, so a retry never saves stale content. */
  save: () => Promise<SaveOutcome>;
  onState: (state: SaveState, message?: string) => void;
}

/** The controller a form calls on every edit. */
export interface Autosave {
  /** Mark the content changed and schedule a save. */
  changed(): void;
  /** Save now if anything is unsaved, and wait for it; resolves to the state afterwards. */
  flush(): Promise<SaveState>;
  /** Current state. */
  readonly state: SaveState;
  /** Stop the timer; the form is going away. */
  dispose(): void;
  /** The conflict was resolved (or the content reloaded): start over as saved or unsaved. */
  reset(dirty: boolean): void;
}

/** Create an autosave controller. */
export function createAutosave(options: AutosaveOptions): Autosave {
  let state: SaveState = "saved";
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  const set = (next: SaveState, message?: string) => {
    state = next;
    options.onState(next, message);
  };

  async function run(): Promise<void> {
    if (state === "conflict") return; // waits for the person to choose
    dirty = false;
    set("saving");
    let outcome: SaveOutcome;
    try {
      outcome = await options.save();
    } catch (err) {
      outcome = { ok: false, conflict: false, message: err instanceof Error ? err.message : String(err) };
    }
    if (!outcome.ok) {
      dirty = true;
      set(outcome.conflict ? "conflict" : "error", outcome.message);
      return;
    }
    if (dirty) set("unsaved");
    else set("saved");
  }

  function start(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (!running) {
      running = run().finally(() => {
        running = undefined;
        if (dirty && state === "unsaved") schedule();
      });
    }
    return running;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void start(), options.delayMs);
  }

  return {
    get state() {
      return state;
    },
    changed() {
      dirty = true;
      if (state === "conflict") return;
      if (state !== "saving") set("unsaved");
      if (!running) schedule();
    },
    async flush() {
      while (running) await running;
      if (dirty && state !== "conflict") await start();
      while (running) await running;
      return state;
    },
    dispose() {
      clearTimeout(timer);
    },
    reset(isDirty) {
      clearTimeout(timer);
      dirty = isDirty;
      set(isDirty ? "unsaved" : "saved");
      if (isDirty) schedule();
    },
  };
}
