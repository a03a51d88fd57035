/**
 * Search, measured inside workerd.  npm run bench:search
 *
 * The app's search queries (worker/queries/search.ts: the staff API's claim and article queries, and the
 * public page's one batch) run in a bench worker on wrangler's own Miniflare, against two D1 databases
 * filled by the same generator in the same run: the demo's size (8 articles, 24 claims) and 10,000
 * articles with 100,000 claims (BENCH_SEARCH_ARTICLES and BENCH_SEARCH_CLAIMS change it). Both are
 * written through the migration's triggers. The same mix of queries (common, middling and rare words in
 * en, ru and kk; filters; the second page through a cursor; the public page) runs on both, taking turns
 * every round; workerd's clock stands still while code runs, so each request is timed from Node minus
 * the median of no-op requests. The figure is the ratio of the large median to the demo-size median.
 * It also prints EXPLAIN QUERY PLAN of each kind of search statement on the large database.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { migrationStatements } from "../../scripts/lib/fresh-d1";
import type { BenchQuery } from "./search-worker";

const rounds = Number(process.env.BENCH_RUNS ?? 9);
const large = { articles: Number(process.env.BENCH_SEARCH_ARTICLES ?? 10_000), claims: Number(process.env.BENCH_SEARCH_CLAIMS ?? 100_000) };
const small = { articles: 8, claims: 24 };

/** A deterministic generator (mulberry32), so both sizes and every run hold the same kind of text. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Function words first (the most frequent, as in real text), then content words (the queries use them),
 * then made-up ones for a long tail; drawn by a Zipf-like law, so that "minister" is about 0.4% of the
 * words and in about one claim in six, and a tail word is rare.
 */
const functionWords = {
  en: "the of and to in a is that for on with as was by at from it be this are were has have had not but or an will its their which said also after more than".split(" "),
  ru: "и в не на что с по к а из о как это за от для но же у до при так все его она они был была были бы уже еще или также после более чем".split(" "),
  kk: "және мен да де бұл ол үшін осы сол ал бір еді бар жоқ деп екен болды болып тағы бойынша кейін дейін арқылы қазір енді әр барлық сияқты онда мұнда соң бірақ".split(" "),
};
const words = {
  en: "minister said schools students budget million percent government people region water election president deputies roads hospital teachers salaries prices inflation tenge billion thousand reported according official ministry city program growth pension families".split(" "),
  ru: "министр заявил школы студентов бюджет миллионов процентов правительство людей области воды выборы президент депутаты дороги больницы учителей зарплаты цены инфляция тенге миллиардов тысяч сообщил согласно ведомства города программа рост пенсии семей".split(" "),
  kk: "министр мәлімдеді мектептер студенттер бюджет миллион пайыз үкімет адамдар облыс су сайлау президент депутаттар жолдар аурухана мұғалімдер жалақы бағалар инфляция теңге миллиард мың хабарлады сәйкес министрлік қала бағдарлама өсім зейнетақы отбасылар".split(" "),
};
const syllables = { en: "ka lo mi ne ta ri so ve du pa", ru: "ка ло ми не та ри со ве ду па", kk: "қа лө мі не та рі со ве ду па" };
type Lang = keyof typeof words;
const vocabulary = Object.fromEntries(
  (Object.keys(words) as Lang[]).map((lang) => {
    const rnd = random(lang.length * 97 + lang.charCodeAt(0));
    const s = syllables[lang].split(" ");
    const tail = Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => s[Math.floor(rnd() * s.length)]).join(""));
    return [lang, [...functionWords[lang], ...words[lang], ...tail]];
  }),
) as Record<Lang, string[]>;
const langs: Lang[] = ["en", "ru", "kk"];

function text(rnd: () => number, lang: Lang, n: number) {
  const vocab = vocabulary[lang];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    // Zipf-like: the k-th word is drawn about 1/k as often as the first.
    const k = Math.floor(Math.exp(rnd() * Math.log(vocab.length)));
    out.push(rnd() < 0.05 ? String(Math.floor(rnd() * 100_000)) : vocab[Math.min(vocab.length - 1, k - 1)]!);
    if (i % 14 === 13) out[out.length - 1] += ".";
  }
  return out.join(" ");
}

const states = ["published", "published", "published", "published", "corrected", "retracted", "draft", "draft", "in_review", "approved", "changes_requested"];
const ratings = ["true", "mostly-true", "half-true", "misleading", "mostly-false", "false", "unverifiable"];

function dataset(size: { articles: number; claims: number }) {
  const rnd = random(size.articles * 31 + size.claims);
  const claimants = Array.from({ length: Math.min(500, Math.max(3, size.claims / 10)) }, (_, i) => [i + 1, `Speaker ${vocabulary.en[40 + i]} ${i + 1}`] as [number, string]);
  const articles = Array.from({ length: size.articles }, (_, i) => {
    const language = langs[i % 3]!;
    return { id: i + 1, language, title: text(rnd, language, 7), text: text(rnd, language, 350) };
  });
  const claims = Array.from({ length: size.claims }, (_, i) => {
    const article = articles[Math.floor(rnd() * articles.length)]!;
    const lang = article.language as Lang;
    const explanation = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: text(rnd, lang, 30) }] }] });
    return {
      id: i + 1,
      articleId: article.id,
      exact: text(rnd, lang, 16),
      state: states[Math.floor(rnd() * states.length)]!,
      ratingKey: ratings[Math.floor(rnd() * ratings.length)]!,
      claimant: rnd() < 0.8 ? claimants[Math.floor(rnd() * claimants.length)]![0] : null,
      explanation: rnd() < 0.7 ? explanation : null,
    };
  });
  return { claimants, articles, claims };
}

/** The mix: what a newsroom types, from the most common content words to rare ones, with and without filters. */
const mix: (BenchQuery & { name: string })[] = [
  { name: "staff claims, common en word", audience: "staff", options: { q: "minister" } },
  { name: "staff claims, middling en word", audience: "staff", options: { q: "salaries" } },
  { name: "staff claims, ru inflected word", audience: "staff", options: { q: "школам" } },
  { name: "staff claims, kk word", audience: "staff", options: { q: "мұғалімдер", language: "kk" } },
  { name: "staff claims, two words", audience: "staff", options: { q: "budget million" } },
  { name: "staff claims, rare word", audience: "staff", options: { q: vocabulary.en[2500]! } },
  { name: "staff claims, absent word", audience: "staff", options: { q: "ownership" } },
  { name: "staff claims, verdict + state", audience: "staff", options: { q: "министр", rating: "false", state: ["published"] } },
  { name: "staff claims, claimant name", audience: "staff", options: { q: "speaker" } },
  { name: "staff claims, date range", audience: "staff", options: { q: "people", from: "2026-03-01", to: "2026-03-31" } },
  { name: "staff articles, common word", audience: "staff", options: { q: "government", kind: "articles" } },
  { name: "staff articles, ru word + language", audience: "staff", options: { q: "бюджета", kind: "articles", language: "ru" } },
  { name: "public page, common word", audience: "public", options: { q: "president" } },
  { name: "public page, kk word", audience: "public", options: { q: "сайлау" } },
];

const bundled = await build({ entryPoints: ["test/bench/search-worker.ts"], bundle: true, format: "esm", write: false, target: "es2022", conditions: ["workerd", "worker", "import"] });
const { Miniflare } = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"))("miniflare") as typeof import("miniflare");
const mf = new Miniflare({
  workers: [
    {
      config: {
        name: "search-bench",
        compatibilityDate: "2026-11-01",
        manifest: { mainModule: "index.js", modulesRoot: "/", modules: { "index.js": { type: "esm", contents: bundled.outputFiles[0]!.text } } },
        env: { SMALL: { type: "d1", id: "search-bench-small" }, LARGE: { type: "d1", id: "search-bench-large" } },
      },
    },
  ],
} as never);
await mf.ready;
const post = async (path: string, db: "small" | "large", body: unknown) => {
  const res = await mf.dispatchFetch(`http://bench${path}?db=${db}`, { method: "POST", body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
};

const migrations = readdirSync("schema/migrations").filter((f) => f.endsWith(".sql")).sort();
for (const [db, size] of [["small", small], ["large", large]] as const) {
  for (const f of migrations) await mf.dispatchFetch(`http://bench/migrate?db=${db}`, { method: "POST", body: JSON.stringify({ statements: migrationStatements(readFileSync(join("schema/migrations", f), "utf8")) }) });
  const data = dataset(size);
  const t0 = performance.now();
  await post("/load", db, { claimants: data.claimants });
  for (let i = 0; i < data.articles.length; i += 200) await post("/load", db, { articles: data.articles.slice(i, i + 200) });
  for (let i = 0; i < data.claims.length; i += 1000) await post("/load", db, { claims: data.claims.slice(i, i + 1000) });
  console.log(`${db}: ${data.articles.length} articles, ${data.claims.length} claims loaded through the triggers in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

// The second page of the most common query, through the cursor the first page gave.
const first = await post("/search", "large", mix[0]);
const firstSmall = await post("/search", "small", mix[0]);
const pageTwo = (db: "small" | "large"): BenchQuery & { name: string } => ({ name: "staff claims, common word, page 2", audience: "staff", options: { q: "minister", cursor: (db === "large" ? first : firstSmall).next ?? undefined } });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timed = async (db: "small" | "large", q: BenchQuery) => {
  const t = performance.now();
  const found = await post("/search", db, q);
  return { ms: performance.now() - t, n: (found.items ?? found.claims?.items ?? []).length + (found.articles?.items?.length ?? 0) };
};
for (const db of ["small", "large"] as const) for (const q of mix) await timed(db, q); // warm-up

const noop: number[] = [];
const per = new Map<string, { small: number[]; large: number[]; n: { small: number; large: number } }>();
for (let r = 0; r < rounds; r++) {
  for (const db of (r % 2 ? ["large", "small"] : ["small", "large"]) as const) {
    for (const q of [...mix, pageTwo(db)]) {
      const t = performance.now();
      await mf.dispatchFetch("http://bench/noop");
      noop.push(performance.now() - t);
      const { ms, n } = await timed(db, q);
      const entry = per.get(q.name) ?? { small: [], large: [], n: { small: 0, large: 0 } };
      entry[db].push(ms);
      entry.n[db] = n;
      per.set(q.name, entry);
    }
  }
}
const overhead = median(noop);
const net = (xs: number[]) => xs.map((x) => Math.max(0, x - overhead));
console.log(`\n${rounds} rounds, request overhead ${overhead.toFixed(2)} ms subtracted\n`);
console.log("| query | results demo / large | demo median ms | large median ms | ratio |");
console.log("|---|---|---|---|---|");
for (const [name, e] of per) {
  const s = median(net(e.small));
  const l = median(net(e.large));
  console.log(`| ${name} | ${e.n.small} / ${e.n.large} | ${s.toFixed(2)} | ${l.toFixed(2)} | ${(l / Math.max(s, 0.01)).toFixed(2)} |`);
}
const all = (db: "small" | "large") => [...per.values()].flatMap((e) => net(e[db]));
const ms = { small: median(all("small")), large: median(all("large")) };
console.log(`\nmedian over the whole mix: demo size ${ms.small.toFixed(2)} ms, ${large.articles} articles + ${large.claims} claims ${ms.large.toFixed(2)} ms, ratio ${(ms.large / ms.small).toFixed(2)}`);

console.log("\nEXPLAIN QUERY PLAN on the large database:");
const planned = ["staff claims, common en word", "staff claims, verdict + state", "staff claims, date range", "staff articles, common word"].map((name) => mix.find((q) => q.name === name)!);
for (const q of [...planned, pageTwo("large"), { name: "public page: its claim query", audience: "public", options: { q: "president" } } as const, { name: "public page: its article query", audience: "public", options: { q: "president", kind: "articles" } } as const]) {
  const { sql, plan } = await post("/plan", "large", q);
  console.log(`\n${q.name}  (${q.audience})\n  ${sql}`);
  for (const row of plan as { id: number; parent: number; detail: string }[]) console.log(`  ${row.parent ? "  " : ""}${row.detail}`);
}
await mf.dispose();
