/**
 * Re-anchoring benchmark: Factline's reanchor against a Hypothesis-style baseline on the same
 * deterministic corpus, in one run. Run: node_modules/.bin/tsx test/bench/reanchor.bench.ts
 *
 * Every claim's outcome falls in exactly one class, judged against the corpus's known answer:
 *   correct           placed (anchored/moved) at exactly the right range; or, when the quote's words
 *                     were edited, flagged `changed` with exactly the right suggested range (a
 *                     placement at that range also counts, though it hides the edit: see "silent");
 *   wrong-place       placed (anchored/moved) at any other range, or placed at all when the quote is gone;
 *   honestly-flagged  flagged (changed or orphaned) when no correct placement exists (quote gone),
 *                     when the quote's words were edited (a person confirms the suggestion or re-anchors),
 *                     or when the intact quote is ambiguous (a twin with the same quote and context);
 *   missed            flagged (changed or orphaned) although the quote is intact and unambiguous.
 * "silent" counts edited quotes placed as if unchanged (anchored/moved over different words): counted
 * correct above when the range is right, but a person was never asked.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { follow, prepareStep, trackedFrom } from "../../worker/domain/anchoring/follow";
import { prepareText } from "../../worker/domain/anchoring/prepared-text";
import { reanchor } from "../../worker/domain/anchoring/reanchor";
import { revisionCases } from "../unit/anchoring/revision-corpus";
import { baselineEngine, chainedEngine, followEngine, runCorpus } from "../unit/anchoring/revision-judge";
import type { Tally as RevisionTally } from "../unit/anchoring/revision-judge";
import { baselineReanchor, prepareBaseline } from "./reanchor-baseline";
import { buildCorpus, buildLargeRevision, editKinds } from "./reanchor-corpus";
import type { Revision, Truth } from "./reanchor-corpus";

type Outcome = "correct" | "wrong-place" | "honestly-flagged" | "missed";
interface Answer {
  status: string;
  selector: { start: number; end: number } | null;
}

/** Judge one answer against the known truth. */
function judge(answer: Answer, truth: Truth): { outcome: Outcome; silent: boolean } {
  const placed = answer.status === "anchored" || answer.status === "moved";
  const at = (t: { start: number; end: number }) => answer.selector !== null && answer.selector.start === t.start && answer.selector.end === t.end;
  if (truth.kind === "gone") return { outcome: placed ? "wrong-place" : "honestly-flagged", silent: false };
  if (truth.kind === "changed") {
    if (placed) return { outcome: at(truth) ? "correct" : "wrong-place", silent: true };
    return { outcome: answer.status === "changed" && at(truth) ? "correct" : "honestly-flagged", silent: false };
  }
  if (placed) return { outcome: at(truth) ? "correct" : "wrong-place", silent: false };
  return { outcome: truth.ambiguous ? "honestly-flagged" : "missed", silent: false };
}

type Engine = (rev: Revision) => Answer[];
const factline: Engine = (rev) => {
  const doc = prepareText(rev.newText);
  return rev.claims.map((c) => reanchor(c.selector, doc));
};
/** What the revision pipeline runs: the diff between the two revisions first, the quote matcher where it lost the claim. */
const diffFirst: Engine = (rev) => {
  const step = prepareStep(rev.oldText, rev.newText);
  return rev.claims.map((c) => follow(trackedFrom({ ...c.selector, anchorStatus: "anchored", anchorSuggestion: null }), step));
};
const baseline: Engine = (rev) => {
  const doc = prepareBaseline(rev.newText);
  return rev.claims.map((c) => baselineReanchor(c.selector, doc));
};

/**
 * Median wall times (ms) of `runs` passes of each engine over `revisions`, after a warm-up pass.
 * The passes alternate, so that load on the machine falls on both engines alike.
 */
function time(engines: Engine[], revisions: Revision[], runs: number): number[] {
  for (const engine of engines) for (const r of revisions) engine(r);
  const times: number[][] = engines.map(() => []);
  for (let i = 0; i < runs; i++) {
    engines.forEach((engine, k) => {
      const t0 = performance.now();
      for (const r of revisions) engine(r);
      times[k].push(performance.now() - t0);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

interface Tally {
  correct: number;
  "wrong-place": number;
  "honestly-flagged": number;
  missed: number;
  silent: number;
}
const emptyTally = (): Tally => ({ correct: 0, "wrong-place": 0, "honestly-flagged": 0, missed: 0, silent: 0 });

function tally(engine: Engine, revisions: Revision[], byKind?: Map<string, Tally>): Tally {
  const t = emptyTally();
  for (const rev of revisions) {
    engine(rev).forEach((answer, i) => {
      const { outcome, silent } = judge(answer, rev.claims[i].truth);
      t[outcome]++;
      if (silent) t.silent++;
      if (byKind) {
        const k = byKind.get(rev.edit) ?? emptyTally();
        k[outcome]++;
        if (silent) k.silent++;
        byKind.set(rev.edit, k);
      }
    });
  }
  return t;
}

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const seedsDir = resolve(repoRoot, process.env.FACTLINE_SEEDS ?? "../shared/seeds");
const runs = Number(process.env.BENCH_RUNS ?? 11);

const corpus = buildCorpus(seedsDir);
const claims = corpus.reduce((n, r) => n + r.claims.length, 0);
const truths = { at: 0, ambiguous: 0, changed: 0, gone: 0 };
for (const r of corpus) for (const c of r.claims) truths[c.truth.kind === "at" && c.truth.ambiguous ? "ambiguous" : c.truth.kind]++;

const fKinds = new Map<string, Tally>();
const bKinds = new Map<string, Tally>();
const f = tally(factline, corpus, fKinds);
const d = tally(diffFirst, corpus);
const b = tally(baseline, corpus, bKinds);
const [fTime, dTime, bTime] = time([factline, diffFirst, baseline], corpus, runs);

const large = buildLargeRevision(seedsDir);
const lf = tally(factline, [large]);
const ld = tally(diffFirst, [large]);
const lb = tally(baseline, [large]);
const [lfTime, ldTime, lbTime] = time([factline, diffFirst, baseline], [large], runs);

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
const row = (name: string, t: Tally, total: number, ms: string) =>
  `| ${name} | ${t.correct} (${pct(t.correct, total)}) | ${t["wrong-place"]} | ${t["honestly-flagged"]} | ${t.missed} | ${t.silent} | ${ms} |`;

console.log(`## Re-anchoring: Factline vs a Hypothesis-style baseline\n`);
console.log(
  `Corpus: ${corpus.length} edited revisions of the 5 seed texts, ${claims} claims ` +
    `(${truths.at} intact, ${truths.ambiguous} intact but ambiguous, ${truths.changed} with edited words, ${truths.gone} gone). ` +
    `Node ${process.version}, median of ${runs} runs.\n`,
);
console.log("| engine | correct | wrong-place | honestly-flagged | missed | silent | total time |");
console.log("|---|---|---|---|---|---|---|");
console.log(row("Factline reanchor", f, claims, `${fTime.toFixed(1)} ms`));
console.log(row("Factline diff first, then reanchor", d, claims, `${dTime.toFixed(1)} ms`));
console.log(row("Hypothesis-style baseline", b, claims, `${bTime.toFixed(1)} ms`));
console.log(`\nTime ratio (Factline / baseline): **${(fTime / bTime).toFixed(2)}**\n`);

console.log(`### By edit kind (correct / wrong-place / honestly-flagged / missed)\n`);
console.log("| edit | Factline | baseline |");
console.log("|---|---|---|");
const cell = (t?: Tally) => (t ? `${t.correct} / ${t["wrong-place"]} / ${t["honestly-flagged"]} / ${t.missed}` : "-");
for (const k of editKinds) console.log(`| ${k} | ${cell(fKinds.get(k))} | ${cell(bKinds.get(k))} |`);

console.log(`\n### 1,000 claims on a ~200 KB article\n`);
console.log(
  `${(large.newText.length / 1000).toFixed(0)} K characters, ${large.claims.length} claims, one revision with inserted paragraphs, ` +
    `merged paragraphs, restyled quotes, typos, rewordings and deletions. Median of ${runs} runs, text preparation included.\n`,
);
console.log("| engine | correct | wrong-place | honestly-flagged | missed | silent | time |");
console.log("|---|---|---|---|---|---|---|");
console.log(row("Factline reanchor", lf, large.claims.length, `${lfTime.toFixed(1)} ms`));
console.log(row("Factline diff first, then reanchor", ld, large.claims.length, `${ldTime.toFixed(1)} ms`));
console.log(row("Hypothesis-style baseline", lb, large.claims.length, `${lbTime.toFixed(1)} ms`));
console.log(`\nTime ratio (Factline / baseline): **${(lfTime / lbTime).toFixed(2)}**`);

// The multi-revision corpus (test/unit/anchoring/revision-corpus.ts): each claim followed through 6 to 10 revisions in a row.
const steps = revisionCases.reduce((n, c) => n + c.revisions.length, 0);
console.log(`\n### Multi-revision corpus\n`);
console.log(
  `${revisionCases.length} articles (demo articles and texts written for the corpus; English, Russian, Kazakh) with ${steps} revisions in all; ` +
    `every claim judged in every revision (a step), and at its last revision.\n`,
);
console.log("| engine | steps | placed right | left for a person | placed wrong | wrong suggestions | last revision: right / person / wrong / wrong suggestions |");
console.log("|---|---|---|---|---|---|---|");
const revisionRow = (name: string, r: { all: RevisionTally; last: RevisionTally }) =>
  `| ${name} | ${r.all.steps} | ${r.all.right} (${pct(r.all.right, r.all.steps)}) | ${r.all.person} | ${r.all.wrong} | ${r.all.wrongSuggestion} | ${r.last.right} / ${r.last.person} / ${r.last.wrong} / ${r.last.wrongSuggestion} |`;
console.log(revisionRow("Factline: diff first, suggestions carried", runCorpus(revisionCases, followEngine)));
console.log(revisionRow("Factline before: quote matcher on each revision, stored selector", runCorpus(revisionCases, chainedEngine)));
console.log(revisionRow("Baseline: original quote against each revision's text", runCorpus(revisionCases, baselineEngine)));
