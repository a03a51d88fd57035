/**
 * A claim's audit events as a person reads them: one person's consecutive saves (autosave writes one
 * event a pause) become one entry, with what changed over them: the verdict before and after, sources
 * added and removed, the explanation's words removed and added, and a claimant changed.
 */
import { diffWords } from "diff";

export interface AuditItem {
  id: number;
  actorId: number | null;
  action: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

type Content = { ratingKey?: string | null; explanation?: unknown; sources?: { url: string; title?: string | null }[]; claimantId?: number | null; claimant?: unknown };

export interface HistoryEntry {
  kind: "edit" | "event";
  actorId: number | null;
  /** The first and last event's times. */
  from: string;
  to: string;
  /** How many saves an edit entry groups. */
  saves: number;
  event?: AuditItem;
  verdict?: { before: string | null; after: string | null };
  sourcesAdded: string[];
  sourcesRemoved: string[];
  /** The explanation as words kept, added and removed, when it changed. */
  explanation?: { text: string; added?: boolean; removed?: boolean }[];
  claimantChanged: boolean;
}

/** The plain text of Tiptap JSON. */
export function docText(doc: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== "object") return;
    const node = n as { type?: string; text?: string; content?: unknown[] };
    if (typeof node.text === "string") out.push(node.text);
    node.content?.forEach(walk);
    if (node.type === "paragraph" || node.type === "listItem") out.push("\n");
  };
  walk(doc);
  return out.join("").replace(/\n+/g, " ").trim();
}

/** Events far enough apart are separate sessions even from one person. */
const sessionGapMs = 30 * 60 * 1000;

/** Group `events` (oldest first) into entries. */
export function historyEntries(events: readonly AuditItem[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let run: AuditItem[] = [];
  const flush = () => {
    if (run.length) entries.push(editEntry(run));
    run = [];
  };
  for (const e of events) {
    const last = run.at(-1);
    if (e.action === "claim.update") {
      if (last && (last.actorId !== e.actorId || Date.parse(e.createdAt) - Date.parse(last.createdAt) > sessionGapMs)) flush();
      run.push(e);
      continue;
    }
    flush();
    entries.push({ kind: "event", actorId: e.actorId, from: e.createdAt, to: e.createdAt, saves: 1, event: e, sourcesAdded: [], sourcesRemoved: [], claimantChanged: false });
  }
  flush();
  return entries;
}

function editEntry(run: AuditItem[]): HistoryEntry {
  const befores = run.map((e) => (e.before ?? {}) as Content);
  const afters = run.map((e) => (e.after ?? {}) as Content);
  const entry: HistoryEntry = { kind: "edit", actorId: run[0]!.actorId, from: run[0]!.createdAt, to: run.at(-1)!.createdAt, saves: run.length, sourcesAdded: [], sourcesRemoved: [], claimantChanged: false };
  // The first value before the run, and the last value it wrote, for each field the run touched.
  const firstBefore = <K extends keyof Content>(k: K) => befores.find((b, i) => afters[i]![k] !== undefined && k in b)?.[k];
  const lastAfter = <K extends keyof Content>(k: K) => [...afters].reverse().find((a) => a[k] !== undefined)?.[k];
  if (afters.some((a) => a.ratingKey !== undefined)) {
    const before = (firstBefore("ratingKey") ?? null) as string | null;
    const after = (lastAfter("ratingKey") ?? null) as string | null;
    if (before !== after) entry.verdict = { before, after };
  }
  if (afters.some((a) => a.sources !== undefined)) {
    const before = new Set(((firstBefore("sources") ?? []) as { url: string }[]).map((s) => s.url));
    const after = new Set(((lastAfter("sources") ?? []) as { url: string }[]).map((s) => s.url));
    entry.sourcesAdded = [...after].filter((u) => !before.has(u));
    entry.sourcesRemoved = [...before].filter((u) => !after.has(u));
  }
  if (afters.some((a) => a.explanation !== undefined)) {
    const before = docText(firstBefore("explanation"));
    const after = docText(lastAfter("explanation"));
    if (before !== after) entry.explanation = diffWords(before, after).map((p) => ({ text: p.value, added: p.added || undefined, removed: p.removed || undefined }));
  }
  entry.claimantChanged = afters.some((a) => a.claimant !== undefined) && JSON.stringify(firstBefore("claimantId") ?? null) !== JSON.stringify((lastAfter("claimant") as { id?: number } | null)?.id ?? null);
  return entry;
}
