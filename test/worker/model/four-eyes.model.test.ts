import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, claimThrough, json, signInStaff } from "../support";
import { commandArbitraries, coverage, type Real } from "./commands";
import { people, variantText, type Model, type ModelClaim } from "./model";
import { checkFinal } from "./public-checks";

/**
 * The model-based proof of four eyes: random sequences of actions by two checkers, two editors and an
 * admin against the real API on the local D1, each checked against the model after every step.
 * `npm test` runs MODEL_RUNS (default 1,000) sequences; `npm run test:model -- --runs 20000` runs more.
 */
const runs = Number(env.MODEL_RUNS ?? 1000);
const seed = env.MODEL_SEED ? Number(env.MODEL_SEED) : undefined;
/** Short sequences keep the 1,000 runs of `npm test` quick; the long runs may go deeper. */
const maxCommands = Number(env.MODEL_MAX_COMMANDS || 5);
const startStates = ["draft", "in_review", "approved", "published"] as const;
/**
 * Sequences run this many at a time, each on its own article with its own claimants: they share
 * nothing the checks look at, and workerd serves one while D1 answers another.
 */
const parallel = Number(env.MODEL_PARALLEL || 4);
let real: Real;
let seq = 0;

beforeAll(async () => {
  const staff = await signInStaff();
  real = { as: staff, ids: Object.fromEntries(people.map((p) => [p, staff[p].id])) as Real["ids"] };
});

/** A fresh article for each sequence; the database is shared, so every text and name carries the sequence number. */
async function setup(start: (typeof startStates)[number]): Promise<{ model: Model; real: Real }> {
  // Read once: other sequences run meanwhile and move the counter on.
  const n = ++seq;
  const text = `Model article ${n}\n\n${variantText(n, 0)}`;
  const res = await call("/api/articles", { method: "POST", as: real.as.checker, body: { text } });
  expect(res.status).toBe(201);
  const { article } = await json(res);
  const { revision } = await json(await call(`/api/articles/${article.id}`, { as: real.as.checker }));
  // One claim to start with, at a random stage (checker wrote it, editor approved and published it),
  // so that short sequences reach every part of the workflow.
  const made = await claimThrough({ id: article.id, text: revision.text }, "120 bridges were built", start, { checker: real.as.checker, editor: real.as.editor });
  const claim: ModelClaim = {
    id: made.id, version: made.version, state: start, author: "checker", ratingKey: "half-true", exact: "120 bridges were built", anchorStatus: "anchored",
    shapedBy: new Set(start === "published" ? [] : ["checker"]), proposal: null, pending: null, claimant: null,
  };
  return { model: { seq: n, articleId: article.id, slug: article.slug, articleVersion: article.version, text: revision.text, claims: [claim], claimants: new Map(), imported: new Set() }, real };
}

afterAll(() => {
  const lines = [...coverage].sort().map(([kind, n]) => `${kind.padEnd(40)} allowed ${String(n.allowed).padStart(6)}  refused ${String(n.refused).padStart(6)}`);
  const steps = [...coverage.values()].reduce((n, c) => n + c.allowed + c.refused, 0);
  console.log(`model-based test: ${seq} sequences, ${steps} steps\n${lines.join("\n")}`);
});

describe("four eyes, model-based", () => {
  it(`holds over ${runs} random sequences of actions by five people`, { timeout: Math.max(1_200_000, runs * 2_500) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...startStates), fc.commands(commandArbitraries, { maxCommands, size: "max" })), { minLength: parallel, maxLength: parallel }), async (sequences) => {
        await Promise.all(
          sequences.map(async ([start, cmds]) => {
            const world = await setup(start);
            await fc.asyncModelRun(() => world, cmds);
            await checkFinal(world.model, real.as.admin);
          }),
        );
      }),
      { numRuns: Math.ceil(runs / parallel), seed, verbose: 1 },
    );
  });
});
