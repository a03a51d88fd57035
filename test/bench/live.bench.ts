/**
 * The live desks at scale, on the built worker under Miniflare (workerd), as `npm run bench:live`.
 *
 * 1. 50 sockets on one article: comments are written one after another through the API; for each,
 *    the time from the write's HTTP response (the D1 batch has committed) to the change reaching
 *    each of the 50 sockets.
 * 2. 500 articles with a socket each: a claim is created on each of them in turn; the time from the
 *    response to the change on that article's socket.
 *    Baseline for both, measured in the same run: the write's own round trip (request to response).
 * 3. Memory: resident memory of the workerd process before and after the sockets opened, per socket.
 * 4. Idle CPU: workerd's CPU time (utime + stime from /proc) over an idle window with no socket open,
 *    with every socket open and idle, and after evicting every desk with its sockets hibernated; then
 *    one change on every article shows whether the hibernated sockets still get messages.
 *
 * Environment: BENCH_ARTICLES (500), BENCH_SOCKETS (50), BENCH_WRITES (100), BENCH_IDLE_SECONDS (10).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { LiveServerMessage } from "../../schema/live";

const articleCount = Number(process.env.BENCH_ARTICLES ?? 500);
const socketCount = Number(process.env.BENCH_SOCKETS ?? 50);
const writeCount = Number(process.env.BENCH_WRITES ?? 100);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const workerName = "factline-bench";

const out = mkdtempSync(join(tmpdir(), "factline-bench-live-"));
const bundle = spawnSync("node_modules/.bin/wrangler", ["deploy", "--dry-run", "--outdir", out], { encoding: "utf8" });
if (bundle.status !== 0) throw new Error(bundle.stderr);
const { Miniflare } = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"))("miniflare") as typeof import("miniflare");

const desk = (exportName: string) => ({ type: "durable-object", worker: workerName, exportName });
const mf = new Miniflare({
  port: 0,
  host: "127.0.0.1",
  resourcePersistencePath: join(out, "state"),
  workers: [
    {
      config: {
        name: workerName,
        compatibilityDate: "2026-11-01",
        manifest: { mainModule: "index.js", modulesRoot: out, modules: { "index.js": { type: "esm", contents: readFileSync(join(out, "index.js"), "utf8") } } },
        env: {
          DB: { type: "d1", id: "factline-bench" },
          ARTICLE_DESK: desk("ArticleDesk"),
          REVIEW_DESK: desk("ReviewDesk"),
          ENVIRONMENT: { type: "text", value: "bench" },
          PUBLISHER_NAME: { type: "text", value: "Factline" },
          PUBLISHER_URL: { type: "text", value: "https://factline.example" },
        },
        exports: { ArticleDesk: { type: "durable-object", storage: "sqlite" }, ReviewDesk: { type: "durable-object", storage: "sqlite" } },
      },
    },
  ],
} as never);
const url = (await mf.ready).toString().replace(/\/$/, "");
const wsUrl = url.replace(/^http/, "ws");
const db = await mf.getD1Database("DB");
for (const file of readdirSync("schema/migrations").filter((f) => f.endsWith(".sql")).sort()) {
  for (const statement of readFileSync(join("schema/migrations", file), "utf8").split("--> statement-breakpoint")) {
    const sql = statement.split("\n").filter((line) => !line.trim().startsWith("--")).join("\n").trim();
    if (sql) await db.prepare(sql).run();
  }
}

// API tokens straight into D1 (only their hashes are stored): a writer and a watcher, so no Origin is involved.
const token = (who: string) => `bench-${who}-token-0123456789abcdef0123456789`;
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
await db.batch([
  db.prepare("insert into users (email, name, role) values ('checker@bench', 'Bench Checker', 'checker'), ('editor@bench', 'Bench Editor', 'editor')"),
  db.prepare("insert into api_tokens (token_hash, user_id, name, expires_at) values (?, 1, 'bench', '2999-01-01T00:00:00Z'), (?, 2, 'bench', '2999-01-01T00:00:00Z')").bind(sha(token("checker")), sha(token("editor"))),
]);
async function api(path: string, body: unknown) {
  const res = await fetch(`${url}/api${path}`, { method: "POST", headers: { authorization: `Bearer ${token("checker")}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

// Articles of made-up words (seeded), different enough that none is taken for a reprint of another.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const syllables = ["ka", "lo", "mi", "ster", "an", "ob", "rel", "tu", "vin", "se", "dor", "ul", "pra", "ne", "gis", "ho"];
const vocabulary = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * syllables.length)]).join(""));
const sentence = () => `${Array.from({ length: 12 }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(" ")} 40 percent.`;
const articleText = (i: number) => [`Bench article ${i} ${sentence()}`, "", ...Array.from({ length: 6 }, () => `${sentence()} ${sentence()}`)].join("\n\n");

async function makeArticle(i: number) {
  const { article } = await api("/articles", { text: articleText(i) });
  const { revision } = (await (await fetch(`${url}/api/articles/${article.id}`, { headers: { authorization: `Bearer ${token("checker")}` } })).json()) as any;
  return { id: article.id as number, text: revision.text as string };
}
const selector = (text: string, exact: string) => {
  const start = [...text.slice(0, text.indexOf(exact))].length;
  return [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + [...exact].length }];
};

/** The first three words of paragraph `n`: a quote that occurs in the text. */
const firstWords = (text: string, n = 0) => text.split(/\n+/)[n].split(" ").slice(0, 3).join(" ");

/** A socket on a desk that timestamps every message as it arrives. */
interface Client {
  ws: WebSocket;
  arrivals: { at: number; m: LiveServerMessage }[];
  waiters: ((m: LiveServerMessage, at: number) => boolean)[];
}
function connect(path: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/api${path}`, { headers: { authorization: `Bearer ${token("editor")}` } } as never);
    const client: Client = { ws, arrivals: [], waiters: [] };
    ws.addEventListener("message", (e) => {
      const at = performance.now();
      const m = JSON.parse(String(e.data)) as LiveServerMessage;
      client.arrivals.push({ at, m });
      client.waiters = client.waiters.filter((w) => !w(m, at));
      if (m.type === "welcome") resolve(client);
    });
    ws.addEventListener("error", () => reject(new Error(`socket ${path} failed`)));
  });
}
/** When `client` receives a message `match` accepts (or already has): its arrival time. */
function arrival(client: Client, match: (m: LiveServerMessage) => boolean, timeoutMs = 30_000): Promise<number> {
  const seen = client.arrivals.find((a) => match(a.m));
  if (seen) return Promise.resolve(seen.at);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("message did not arrive")), timeoutMs);
    client.waiters.push((m, at) => (match(m) ? (clearTimeout(timer), resolve(at), true) : false));
  });
}

// workerd's resident memory and CPU time, from /proc.
function workerdPids(): number[] {
  const all = spawnSync("ps", ["-eo", "pid=,ppid=,comm="], { encoding: "utf8" }).stdout.trim().split("\n").map((l) => l.trim().split(/\s+/));
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of all) if (mine.has(Number(ppid)) && !mine.has(Number(pid))) (mine.add(Number(pid)), (grew = true));
  }
  return all.filter(([pid, , comm]) => mine.has(Number(pid)) && comm.includes("workerd")).map(([pid]) => Number(pid));
}
const pids = workerdPids();
if (pids.length === 0) throw new Error("no workerd process found under this one");
const ticks = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
const rssKiB = () => pids.reduce((n, pid) => n + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0), 0);
const cpuMs = () =>
  pids.reduce((n, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return n + ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  }, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function idleCpu() {
  const before = cpuMs();
  await sleep(idleSeconds * 1000);
  return cpuMs() - before;
}
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** A delivery's time after the write's response (negative: the message overtook the response) and after its request. */
interface Lag {
  response: number;
  request: number;
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => x.toFixed(1);

// Setup: one article with a claim (scenario 1), and `articleCount` articles (scenario 2).
const setupStart = performance.now();
const hot = await makeArticle(0);
const { claim: hotClaim } = await api(`/articles/${hot.id}/claims`, { selector: selector(hot.text, firstWords(hot.text)) });
const many: { id: number; text: string }[] = [];
for (let i = 1; i <= articleCount; i++) many.push(await makeArticle(i));
console.error(`setup: ${many.length + 1} articles in ${((performance.now() - setupStart) / 1000).toFixed(0)} s`);
await sleep(2000);
const idleNoSockets = await idleCpu();
const rssStart = rssKiB();

// Scenario 1: 50 sockets on one article.
const hotClients = await Promise.all(Array.from({ length: socketCount }, () => connect(`/articles/${hot.id}/live`)));
await sleep(1000);
const rssHot = rssKiB();
const rtt1: number[] = [];
const lag1: Lag[] = [];
const lastLag1: Lag[] = [];
for (let w = 0; w < writeCount; w++) {
  const t0 = performance.now();
  const { comment } = await api(`/claims/${hotClaim.id}/comments`, { body: `Comment ${w}` });
  const t1 = performance.now();
  rtt1.push(t1 - t0);
  const got = await Promise.all(hotClients.map((c) => arrival(c, (m) => m.type === "comment.created" && m.commentId === comment.id)));
  lag1.push(...got.map((at) => ({ response: at - t1, request: at - t0 })));
  lastLag1.push({ response: Math.max(...got) - t1, request: Math.max(...got) - t0 });
}

// Scenario 2: one socket on each of 500 articles.
const manyClients: Client[] = [];
for (let i = 0; i < many.length; i += 50) manyClients.push(...(await Promise.all(many.slice(i, i + 50).map((a) => connect(`/articles/${a.id}/live`)))));
await sleep(1000);
const rssMany = rssKiB();
const rtt2: number[] = [];
const lag2: Lag[] = [];
for (let i = 0; i < many.length; i++) {
  const a = many[i];
  const t0 = performance.now();
  const { claim } = await api(`/articles/${a.id}/claims`, { selector: selector(a.text, firstWords(a.text, 1)) });
  const t1 = performance.now();
  rtt2.push(t1 - t0);
  const at = await arrival(manyClients[i], (m) => m.type === "claim.created" && m.claimId === claim.id);
  lag2.push({ response: at - t1, request: at - t0 });
}

// Idle with every socket open; then every desk evicted with its sockets hibernated, and idle again.
gc();
await sleep(2000);
const idleOpen = await idleCpu();
const rssIdleOpen = rssKiB();
let evicted = 0;
const notEvicted = new Map<string, number>();
for (const name of [`article:${hot.id}`, ...many.map((a) => `article:${a.id}`)]) {
  try {
    await mf.unsafeEvictDurableObject(workerName, "ArticleDesk", { name, webSockets: "hibernate" });
    evicted++;
  } catch (err) {
    // Typically: not running, because the runtime already hibernated it. Reported as it came.
    const why = String((err as Error).message).slice(0, 120);
    notEvicted.set(why, (notEvicted.get(why) ?? 0) + 1);
  }
}
await sleep(2000);
const rssHibernated = rssKiB();
const idleHibernated = await idleCpu();
const allClients = [...hotClients, ...manyClients];
const openAfter = allClients.filter((c) => c.ws.readyState === WebSocket.OPEN).length;
// One change on every article after hibernation: does each socket still get it?
const wake: Lag[] = [];
const rtt3: number[] = [];
let delivered = 0;
for (const [i, a] of [hot, ...many].entries()) {
  const client = i === 0 ? hotClients[0] : manyClients[i - 1];
  const t0 = performance.now();
  const res = await fetch(`${url}/api/articles/${a.id}`, { method: "PUT", headers: { authorization: `Bearer ${token("editor")}`, "content-type": "application/json" }, body: JSON.stringify({ version: 1, text: `${a.text}\n\nA closing line.` }) });
  const t1 = performance.now();
  rtt3.push(t1 - t0);
  if (!res.ok) throw new Error(`revision of ${a.id}: ${res.status}`);
  try {
    const at = await arrival(client, (m) => m.type === "article.revised" && m.articleId === a.id, 10_000);
    wake.push({ response: at - t1, request: at - t0 });
    delivered++;
  } catch {
    // Counted as not delivered.
  }
}
const hotLate = await Promise.all(hotClients.map((c) => arrival(c, (m) => m.type === "article.revised", 10_000).then(() => 1, () => 0)));

for (const c of allClients) c.ws.close();
await mf.dispose();
rmSync(out, { recursive: true, force: true });

const row = (name: string, lags: Lag[], rtt: number[]) => {
  const response = lags.map((l) => l.response);
  const request = lags.map((l) => l.request);
  return `| ${name} | ${lags.length} | ${ms(pct(response, 50))} | ${ms(pct(response, 99))} | ${ms(pct(request, 50))} | ${ms(pct(request, 99))} | ${ms(pct(rtt, 50))} | ${(pct(request, 50) / pct(rtt, 50)).toFixed(2)} | ${(pct(request, 99) / pct(rtt, 99)).toFixed(2)} |`;
};
console.log(`\n${socketCount} sockets on one article, ${writeCount} comments written one after another; ${many.length} articles with one socket each, one claim created on each. Times from the write's HTTP response (committed) to the message's arrival on a socket.\n`);
console.log("| scenario | deliveries | after the response: p50 ms | p99 ms | after the request: p50 ms | p99 ms | baseline: the write's round trip p50 ms | after request / round trip, p50 | p99 |");
console.log("|---|---|---|---|---|---|---|---|---|");
console.log(row(`${socketCount} sockets, one article (each delivery)`, lag1, rtt1));
console.log(row(`${socketCount} sockets, one article (last of the ${socketCount})`, lastLag1, rtt1));
console.log(row(`${many.length} articles, one socket each`, lag2, rtt2));
console.log(row("after hibernation: a revision on each desk, first socket", wake, rtt3));
console.log(`\n- Memory (workerd resident set, /proc VmRSS): ${(rssStart / 1024).toFixed(0)} MiB before any socket; +${((rssHot - rssStart) / socketCount).toFixed(0)} KiB a socket for ${socketCount} sockets on one desk; +${((rssMany - rssHot) / many.length).toFixed(0)} KiB a socket for ${many.length} sockets on ${many.length} desks (each its own Durable Object); ${(rssIdleOpen / 1024).toFixed(0)} MiB with all ${allClients.length} open after the writes, ${(rssHibernated / 1024).toFixed(0)} MiB after evicting the desks.`);
console.log(`- Idle CPU of workerd over ${idleSeconds} s: ${idleNoSockets.toFixed(0)} ms with no socket (baseline); ${idleOpen.toFixed(0)} ms with ${allClients.length} sockets open and idle (ratio ${(idleOpen / Math.max(idleNoSockets, 1)).toFixed(2)}); ${idleHibernated.toFixed(0)} ms after ${evicted} of ${many.length + 1} article desks were evicted with their sockets hibernated (ratio ${(idleHibernated / Math.max(idleNoSockets, 1)).toFixed(2)}).`);
if (notEvicted.size) console.log(`- Desks the eviction call refused: ${[...notEvicted].map(([why, n]) => `${n} × "${why}"`).join("; ")}.`);
console.log(`- After hibernation: ${openAfter} of ${allClients.length} sockets still open; the next change reached ${delivered} of ${many.length + 1} desks' first socket, and all ${hotLate.reduce((a, b) => a + b, 0)} of ${socketCount} sockets on the busy article.`);
