/**
 * Load with mixed reads and writes, against the built worker in Miniflare directly, on loopback only.
 *
 *   npm run load                                  # 200 clients for 60 s
 *   LOAD_CLIENTS=50 LOAD_SECONDS=10 npm run load   # shorter
 *
 * Each client loops until the time is up, picking an operation by weight: public pages (article, claim, home,
 * search), staff reads, and writes with the versions they just read (claim edits, workflow transitions,
 * comments, imports under shared titles); a race fires three edits of one claim at one version at once.
 * Then every write acknowledged with a 2xx is read back from D1 and checked, one by one, and each claim's
 * versions are accounted for: every version a write was based on has exactly one winner, and every
 * loser (409) lost to it. It fails (exit 1) on any 5xx, network error, unverified write or version
 * without exactly one winner. It also checks the worker's request log: one JSON line a request
 * (LOAD_REQUEST_LOG=off runs without it). LOAD_PORT picks the port (default: any free one).
 */
import { checkers, cookieOf, editors, startWorld, uniqueWords, type Who } from "./load-world";

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const clients = Number(process.env.LOAD_CLIENTS ?? 200);
const port = Number(process.env.LOAD_PORT ?? 0);
const articleCount = 12;
const claimsPerArticle = 6;

const world = await startWorld(port);
const { url, db } = world;

// ---- HTTP, with every request of the load phase timed and counted by operation --------------------------------

interface Stat {
  latencies: number[];
  statuses: Map<string, number>;
  /** D1 round trips, from the x-d1-round-trips header the worker sets outside production. */
  roundTrips: number;
}
const stats = new Map<string, Stat>();
let measuring = false;
let sent = 0;

async function http(label: string, method: string, path: string, who?: Who, body?: unknown): Promise<{ status: number; data: any }> {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = cookieOf(who);
  if (method !== "GET") headers.origin = url;
  if (body !== undefined) headers["content-type"] = "application/json";
  const started = performance.now();
  let status = 0;
  let data: any = null;
  let roundTrips = 0;
  sent++;
  try {
    const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(120_000) });
    status = res.status;
    roundTrips = Number(res.headers.get("x-d1-round-trips") ?? 0);
    const text = await res.text();
    data = res.headers.get("content-type")?.includes("json") && text ? JSON.parse(text) : text;
  } catch (err) {
    data = String(err);
  }
  if (measuring) {
    const stat = stats.get(label) ?? { latencies: [], statuses: new Map(), roundTrips: 0 };
    stats.set(label, stat);
    stat.roundTrips += roundTrips;
    stat.latencies.push(performance.now() - started);
    // A refusal is counted with its code (409 stale_version, 409 not_editable …): which rule said no.
    const key = status === 0 ? "network error" : status >= 400 && data?.error?.code ? `${status} ${data.error.code}` : String(status);
    stat.statuses.set(key, (stat.statuses.get(key) ?? 0) + 1);
  }
  return { status, data };
}

async function must(label: string, method: string, path: string, who: Who, body?: unknown) {
  const res = await http(label, method, path, who, body);
  if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.data)}`);
  return res.data;
}

// ---- Seeding, through the API --------------------------------------------------------------------------------

interface SeedClaim {
  id: number;
  articleId: number;
  author: Who;
  published: boolean;
  seedVersion: number;
}
const seeded: SeedClaim[] = [];
const slugs: string[] = [];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

// Articles are seeded side by side; each article's claims in order.
await Promise.all(Array.from({ length: articleCount }, (_, a) => seedArticle(a)));
seeded.sort((x, y) => x.id - y.id);

async function seedArticle(a: number) {
  const author = checkers[a % checkers.length];
  const paragraphs = Array.from({ length: claimsPerArticle }, (_, p) => `The agency said ${100 * (a + 1) + p} schools were repaired. ${uniqueWords(`a${a}p${p}`, 14)}.`);
  const { article } = await must("seed", "POST", "/api/articles", author, { title: `Load article ${a} ${uniqueWords(`t${a}`, 3)}`, text: paragraphs.join("\n\n") });
  slugs.push(article.slug);
  const { revision } = await must("seed", "GET", `/api/articles/${article.id}`, author);
  for (let p = 0; p < claimsPerArticle; p++) {
    const exact = `${100 * (a + 1) + p} schools were repaired`;
    const start = revision.text.indexOf(exact);
    const selector = [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + exact.length }];
    let { claim } = await must("seed", "POST", `/api/articles/${article.id}/claims`, author, { selector, ratingKey: "half-true", explanation: doc("Seeded.") });
    const published = p < 2;
    if (published) {
      for (const [action, who] of [["submit", author], ["approve", editors[a % editors.length]], ["publish", editors[a % editors.length]]] as const) {
        ({ claim } = await must("seed", "POST", `/api/claims/${claim.id}/transitions`, who, { action, version: claim.version }));
      }
    }
    seeded.push({ id: claim.id, articleId: article.id, author, published, seedVersion: claim.version });
  }
}
const publicClaims = seeded.filter((c) => c.published);
const workClaims = seeded.filter((c) => !c.published);
const searchWords = ["schools", "agency", "repaired", "load"];

// ---- What the writes said, to check afterwards --------------------------------------------------------------

interface VersionedWrite {
  claimId: number;
  base: number;
  status: number;
  code?: string;
  kind: "edit" | "transition";
  marker?: string;
  action?: string;
}
const versioned: VersionedWrite[] = [];
const comments: { id: number; claimId: number; body: string }[] = [];
const imports: { id: number; slug: string; marker: string }[] = [];
const fiveHundreds: string[] = [];

function note(label: string, res: { status: number; data: any }) {
  if (res.status >= 500 || res.status === 0) fiveHundreds.push(`${label}: ${res.status} ${JSON.stringify(res.data).slice(0, 300)}`);
}

// ---- The operations ---------------------------------------------------------------------------------------------

let seq = 0;
const marker = (kind: string) => `${kind}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

/** Read a claim as `who`: its version, and whether `who` may edit it and which transitions they may make. */
async function look(claimId: number, who: Who) {
  const res = await http("GET /api/claims/:id", "GET", `/api/claims/${claimId}`, who);
  note("GET claim", res);
  if (res.status !== 200) return null;
  const editable = res.data.editable === true || res.data.editable?.ok === true;
  const actions = (res.data.actions as { action: string; allowed: boolean; applies: boolean }[]).filter((a) => a.allowed && a.applies).map((a) => a.action);
  return { version: res.data.claim.version as number, editable, actions };
}

async function edit(claim: SeedClaim, who: Who, version: number, label = "PATCH /api/claims/:id") {
  const m = marker("edit");
  const res = await http(label, "PATCH", `/api/claims/${claim.id}`, who, { version, ratingKey: pick(["true", "false", "misleading", "half-true"]), explanation: doc(m) });
  note(label, res);
  versioned.push({ claimId: claim.id, base: version, status: res.status, code: res.data?.error?.code, kind: "edit", marker: m });
}

const editorOf = (claim: SeedClaim) => editors[claim.id % editors.length];

const operations: [number, () => Promise<unknown>][] = [
  [18, async () => note("public article", await http("GET /articles/:slug", "GET", `/articles/${pick(slugs)}`))],
  [12, async () => note("public claim", await http("GET /claims/:id", "GET", `/claims/${pick(publicClaims).id}`))],
  [6, async () => note("home", await http("GET /", "GET", "/"))],
  [6, async () => note("search", await http("GET /search?q=", "GET", `/search?q=${pick(searchWords)}`))],
  [5, async () => note("queue", await http("GET /api/claims?state=in_review", "GET", "/api/claims?state=in_review", pick(editors)))],
  [5, async () => note("staff article", await http("GET /api/articles/:id", "GET", `/api/articles/${pick(seeded).articleId}`, pick(checkers)))],
  [
    14,
    async () => {
      const claim = pick(workClaims);
      const who = Math.random() < 0.7 ? claim.author : editorOf(claim);
      const seen = await look(claim.id, who);
      if (seen?.editable) await edit(claim, who, seen.version);
    },
  ],
  [
    14,
    async () => {
      const claim = pick(workClaims);
      const who = Math.random() < 0.4 ? claim.author : pick(editors);
      const seen = await look(claim.id, who);
      // Publishing takes a claim out of the working set for good: rarely.
      const actions = (seen?.actions ?? []).filter((a) => ["submit", "request_changes", "approve"].includes(a) || (a === "publish" && Math.random() < 0.05));
      if (!seen || actions.length === 0) return;
      const action = pick(actions);
      const body = { action, version: seen.version, ...(action === "request_changes" ? { comment: marker("why") } : {}) };
      const res = await http("POST /api/claims/:id/transitions", "POST", `/api/claims/${claim.id}/transitions`, who, body);
      note("transition", res);
      versioned.push({ claimId: claim.id, base: seen.version, status: res.status, code: res.data?.error?.code, kind: "transition", action });
    },
  ],
  [
    6,
    async () => {
      const claim = pick(seeded);
      const body = marker("comment");
      const res = await http("POST /api/claims/:id/comments", "POST", `/api/claims/${claim.id}/comments`, pick([...checkers, ...editors]), { body });
      note("comment", res);
      if (res.status === 201) comments.push({ id: res.data.comment.id, claimId: claim.id, body });
    },
  ],
  [
    4,
    async () => {
      // Shared titles: concurrent imports race for one slug.
      const m = marker("import");
      const text = `The council said ${seq} buses were bought. ${uniqueWords(m.replace(/-/g, ""), 20)}.\n\n${m}`;
      const res = await http("POST /api/articles", "POST", "/api/articles", pick(checkers), { title: pick(["Election night live", "Turnout update"]), text });
      note("import", res);
      if (res.status === 201) imports.push({ id: res.data.article.id, slug: res.data.article.slug, marker: m });
    },
  ],
  [
    6,
    async () => {
      // A race: three edits of one claim at the version just read, sent at once; one may win.
      const claim = pick(workClaims);
      const seen = await look(claim.id, claim.author);
      if (seen?.editable) await Promise.all([0, 1, 2].map(() => edit(claim, claim.author, seen.version, "PATCH /api/claims/:id (race of 3)")));
    },
  ],
];
const totalWeight = operations.reduce((n, [w]) => n + w, 0);
function operation() {
  let r = Math.random() * totalWeight;
  for (const [w, op] of operations) if ((r -= w) < 0) return op;
  return operations[0][1];
}

// ---- The run ------------------------------------------------------------------------------------------------------

// ---- The baselines: the same clients on a route without D1 and on one D1 round trip, in this run ----------------

const baselineSeconds = Number(process.env.LOAD_BASELINE_SECONDS ?? 5);
async function baseline(path: string) {
  measuring = true;
  const startedAt = performance.now();
  const until = Date.now() + baselineSeconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (Date.now() < until) note(path, await http(`baseline ${path}`, "GET", path));
  }));
  measuring = false;
  const stat = stats.get(`baseline ${path}`)!;
  stats.delete(`baseline ${path}`);
  return { stat, elapsed: (performance.now() - startedAt) / 1000 };
}
const baselines = { trivial: await baseline("/api/health"), oneTrip: await baseline("/api/health/db") };

console.log(`Seeded ${articleCount} articles, ${seeded.length} claims (${publicClaims.length} published). ${clients} clients for ${seconds} s …`);
measuring = true;
const started = performance.now();
const deadline = Date.now() + seconds * 1000;
await Promise.all(Array.from({ length: clients }, async () => {
  while (Date.now() < deadline) await operation()();
}));
const elapsed = (performance.now() - started) / 1000;
measuring = false;

// ---- Read back, one by one ----------------------------------------------------------------------------------------

const violations: string[] = [...fiveHundreds];
let verified = 0;
const acked = versioned.filter((w) => w.status >= 200 && w.status < 300);
for (const w of acked.filter((x) => x.kind === "edit")) {
  const event = await db.prepare("select count(*) as n from audit_events where entity_type = 'claim' and entity_id = ? and action = 'claim.update' and instr(after, ?) > 0").bind(w.claimId, w.marker).first<{ n: number }>();
  const verdict = await db.prepare("select count(*) as n from verdicts where claim_id = ? and instr(explanation, ?) > 0").bind(w.claimId, w.marker).first<{ n: number }>();
  if (event?.n === 1 && verdict?.n === 1) verified++;
  else violations.push(`edit ${w.marker} of claim ${w.claimId} at version ${w.base}: acknowledged, but ${event?.n} audit events and ${verdict?.n} verdicts carry it`);
}
const transitionsBy = new Map<string, number>();
for (const w of acked.filter((x) => x.kind === "transition")) transitionsBy.set(`${w.claimId} claim.${w.action}`, (transitionsBy.get(`${w.claimId} claim.${w.action}`) ?? 0) + 1);
for (const w of acked.filter((x) => x.kind === "transition")) {
  const event = await db.prepare("select count(*) as n from audit_events where entity_type = 'claim' and entity_id = ? and action = ?").bind(w.claimId, `claim.${w.action}`).first<{ n: number }>();
  const seedEvents = w.action === "submit" || w.action === "approve" || w.action === "publish" ? (seeded.find((c) => c.id === w.claimId)!.published ? 1 : 0) : 0;
  if (event!.n - seedEvents === transitionsBy.get(`${w.claimId} claim.${w.action}`)) verified++;
  else violations.push(`transition ${w.action} of claim ${w.claimId} at version ${w.base}: ${transitionsBy.get(`${w.claimId} claim.${w.action}`)} acknowledged, ${event!.n - seedEvents} recorded`);
}
for (const c of comments) {
  const row = await db.prepare("select claim_id, body from comments where id = ?").bind(c.id).first<{ claim_id: number; body: string }>();
  if (row?.claim_id === c.claimId && row.body === c.body) verified++;
  else violations.push(`comment ${c.id} on claim ${c.claimId}: acknowledged, read back ${JSON.stringify(row)}`);
}
for (const i of imports) {
  const row = await db.prepare("select a.slug, r.text from articles a join article_revisions r on r.id = a.current_revision_id where a.id = ?").bind(i.id).first<{ slug: string; text: string }>();
  if (row?.slug === i.slug && row.text.includes(i.marker)) verified++;
  else violations.push(`import ${i.marker} (article ${i.id}, ${i.slug}): acknowledged, read back ${JSON.stringify(row)?.slice(0, 200)}`);
}
if (new Set(imports.map((i) => i.slug)).size !== imports.length) violations.push("two acknowledged imports share a slug");

// Versions: each claim moved from its seeded version to its final one through acknowledged writes only, one a version.
let contested = 0;
for (const claim of seeded) {
  const final = (await db.prepare("select version from claims where id = ?").bind(claim.id).first<{ version: number }>())!.version;
  const writes = versioned.filter((w) => w.claimId === claim.id);
  for (let v = claim.seedVersion; v < final; v++) {
    const winners = writes.filter((w) => w.base === v && w.status >= 200 && w.status < 300).length;
    if (winners !== 1) violations.push(`claim ${claim.id} version ${v}: ${winners} acknowledged writes moved it on (exactly one expected)`);
    if (writes.filter((w) => w.base === v).length > 1) contested++;
  }
  const late = writes.filter((w) => w.base >= final && w.status >= 200 && w.status < 300);
  if (late.length) violations.push(`claim ${claim.id}: ${late.length} acknowledged writes at or past its final version ${final}`);
  for (const w of writes.filter((x) => x.status === 409 && x.code === "stale_version")) {
    if (w.base >= final) violations.push(`claim ${claim.id}: a write at version ${w.base} lost (409) though nothing won that version`);
  }
}

// The request log: one JSON line a request, with its fields.
await new Promise((r) => setTimeout(r, 1000));
const fields = ["requestId", "method", "route", "status", "durationMs", "d1RoundTrips"];
const malformed = world.logs.lines.filter((l) => fields.some((f) => !(f in l)));
if (malformed.length) violations.push(`${malformed.length} request log lines lack a field, e.g. ${JSON.stringify(malformed[0])}`);

// ---- The table -----------------------------------------------------------------------------------------------------

const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : 0);
const all = [...stats.values()];
const everyLatency = all.flatMap((s) => s.latencies);
const statusTotals = new Map<string, number>();
for (const s of all) for (const [k, n] of s.statuses) statusTotals.set(k, (statusTotals.get(k) ?? 0) + n);
const fmt = (n: number) => n.toFixed(1);
const byStatus = (m: Map<string, number>) => [...m].sort().map(([k, n]) => `${k}: ${n}`).join(", ");

console.log(`\n${clients} clients, ${elapsed.toFixed(1)} s, ${everyLatency.length} requests, ${(everyLatency.length / elapsed).toFixed(0)} req/s, p50 ${fmt(quantile(everyLatency, 0.5))} ms, p99 ${fmt(quantile(everyLatency, 0.99))} ms; ${byStatus(statusTotals)}\n`);
const row = (label: string, s: Stat, seconds: number, trips = (s.roundTrips / Math.max(s.latencies.length, 1)).toFixed(1)) =>
  `| ${label} | ${s.latencies.length} | ${(s.latencies.length / seconds).toFixed(1)} | ${fmt(quantile(s.latencies, 0.5))} | ${fmt(quantile(s.latencies, 0.99))} | ${trips} | ${byStatus(s.statuses)} |`;
console.log("| operation | requests | req/s | p50 ms | p99 ms | D1 round trips (mean) | statuses |");
console.log("|---|---|---|---|---|---|---|");
for (const [label, s] of [...stats].sort(([a], [b]) => a.localeCompare(b))) console.log(row(label, s, elapsed));
console.log(`| **all of the mixed load** | ${everyLatency.length} | ${(everyLatency.length / elapsed).toFixed(1)} | ${fmt(quantile(everyLatency, 0.5))} | ${fmt(quantile(everyLatency, 0.99))} | ${(all.reduce((n, s) => n + s.roundTrips, 0) / Math.max(everyLatency.length, 1)).toFixed(1)} | ${byStatus(statusTotals)} |`);
console.log(row(`baseline, same clients: GET /api/health (no D1), ${baselineSeconds} s`, baselines.trivial.stat, baselines.trivial.elapsed));
console.log(row(`baseline, same clients: GET /api/health/db (one D1 round trip), ${baselineSeconds} s`, baselines.oneTrip.stat, baselines.oneTrip.elapsed, "1 (not counted: it reads the binding directly)"));
const rps = (b: { stat: Stat; elapsed: number }) => b.stat.latencies.length / b.elapsed;
console.log(`\n- mixed load / trivial route: throughput ratio ${(everyLatency.length / elapsed / rps(baselines.trivial)).toFixed(2)}; mixed load / one-D1-round-trip route: ${(everyLatency.length / elapsed / rps(baselines.oneTrip)).toFixed(2)}`);
const ackedCount = acked.length + comments.length + imports.length;
const stale = versioned.filter((w) => w.status === 409 && w.code === "stale_version").length;
console.log(`\n- writes acknowledged (2xx): ${ackedCount} (${acked.filter((w) => w.kind === "edit").length} claim edits, ${acked.filter((w) => w.kind === "transition").length} transitions, ${comments.length} comments, ${imports.length} imports); read back and verified one by one: ${verified}`);
console.log(`- versioned writes: ${versioned.length}; lost a race (409 stale_version): ${stale}; claim versions written by more than one attempt: ${contested}, each with exactly one winner unless listed below`);
console.log(`- imports under two shared titles: ${imports.length} created, ${new Set(imports.map((i) => i.slug)).size} distinct slugs`);
console.log(`- request log: ${world.logs.lines.length} JSON lines for ${sent} requests sent (seeding and load), ${world.logs.lines.filter((l) => Number(l.status) >= 500).length} of them 5xx; ${world.logs.other.length} other log lines`);
console.log(`- 5xx or network errors: ${fiveHundreds.length}`);

await world.dispose();
if (violations.length) {
  console.error(`\n${violations.length} violations:\n${violations.slice(0, 30).join("\n")}`);
  process.exit(1);
}
console.log("\nNo violations.");
