/**
 * The actions of the model-based test, one fast-check command each. To add an action: write a class
 * with check (does it apply to this model?), run (call the real API, compare, update the model) and
 * toString, and add its arbitrary to `commandArbitraries` at the bottom.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { call, json, selectorFor, type Staff } from "../support";
import { checkPublic } from "./public-checks";
import {
  actions,
  applyTransition,
  isEditor,
  isPublic,
  mayApproveDescription,
  mayConfirm,
  mayDelete,
  mayEdit,
  mayReanchor,
  mayRevise,
  mayTransition,
  people,
  phrases,
  ratingKeys,
  variantText,
  type Action,
  type Model,
  type ModelClaim,
  type Person,
} from "./model";

/** The real system: the API inside workerd, and who is who. */
export interface Real {
  as: Record<Person, Staff>;
  ids: Record<Person, number>;
}

type Command = fc.AsyncCommand<Model, Real>;
const claimantNames = ["Alpha", "Beta"];

/** How often each kind of action was allowed and refused, to show what the runs covered. */
export const coverage = new Map<string, { allowed: number; refused: number }>();

/** Call the API and hold it to the model's prediction: 2xx when allowed, 4xx when refused, never 5xx. */
async function expectOutcome(label: string, res: Response, allowed: boolean) {
  const kind = label.replace(/^\S+ /, "").replace(/ (on|of) .*| #\d.*| to .*| the text.*| as .*| a claim.*| claim .*/, "");
  const count = coverage.get(kind) ?? { allowed: 0, refused: 0 };
  count[allowed ? "allowed" : "refused"]++;
  coverage.set(kind, count);
  const text = await res.text();
  expect(res.status, `${label}: ${text}`).toBeLessThan(500);
  expect({ label, ok: res.ok, status: res.status, body: res.ok === allowed ? "" : text }).toEqual({ label, ok: allowed, status: res.status, body: "" });
  return text ? JSON.parse(text) : null;
}

/** The claim as the API returned it must be the claim as the model holds it. */
function expectClaim(real: Real, got: Record<string, any>, c: ModelClaim) {
  const shapedBy = (got.shapedBy as number[]).map((id) => people.find((p) => real.ids[p] === id)).sort();
  expect({
    id: got.id,
    version: got.version,
    state: got.state,
    ratingKey: got.ratingKey,
    exact: got.exact,
    anchorStatus: got.anchorStatus,
    shapedBy,
    proposal: got.anchorProposal?.exact ?? null,
    pending: got.pendingCorrection?.ratingKey ?? null,
  }).toEqual({
    id: c.id,
    version: c.version,
    state: c.state,
    ratingKey: c.ratingKey,
    exact: c.exact,
    anchorStatus: c.anchorStatus,
    shapedBy: [...c.shapedBy].sort(),
    proposal: c.proposal?.exact ?? null,
    pending: c.pending?.ratingKey ?? null,
  });
}

const pick = <T>(list: readonly T[], i: number) => list[i % list.length];

abstract class OnClaim implements Command {
  constructor(readonly who: Person, readonly index: number) {}
  check(m: Readonly<Model>) {
    return m.claims.length > 0;
  }
  claim(m: Model) {
    return pick(m.claims, this.index);
  }
  abstract run(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
}

class CreateClaim implements Command {
  constructor(readonly who: Person, readonly phrase: string, readonly ratingKey: string | null, readonly claimant: string | null) {}
  check(m: Readonly<Model>) {
    return m.text.includes(this.phrase);
  }
  async run(m: Model, r: Real) {
    const name = this.claimant && `${this.claimant} ${m.seq}`;
    const body = { selector: selectorFor(m.text, this.phrase), ratingKey: this.ratingKey, ...(name ? { claimant: { name, description: `Said by ${this.who}` } } : {}) };
    const got = await expectOutcome(this.toString(), await call(`/api/articles/${m.articleId}/claims`, { method: "POST", as: r.as[this.who], body }), true);
    const c: ModelClaim = {
      id: got.claim.id, version: 1, state: "draft", author: this.who, ratingKey: this.ratingKey, exact: this.phrase, anchorStatus: "anchored",
      shapedBy: new Set([this.who]), proposal: null, pending: null, claimant: name,
    };
    if (name && !m.claimants.has(name)) m.claimants.set(name, { id: got.claim.claimant.id, version: 1, description: `Said by ${this.who}`, by: this.who, publicDescription: null });
    m.claims.push(c);
    expectClaim(r, got.claim, c);
    await checkPublic(m);
  }
  toString() {
    return `${this.who} creates a claim on "${this.phrase}" rated ${this.ratingKey}${this.claimant ? ` by ${this.claimant}` : ""}`;
  }
}

class EditClaim extends OnClaim {
  constructor(who: Person, index: number, readonly change: { ratingKey: string | null } | { sources: readonly { url: string }[] }) {
    super(who, index);
  }
  async run(m: Model, r: Real) {
    const c = this.claim(m);
    const allowed = mayEdit(this.who, c);
    const got = await expectOutcome(this.toString(), await call(`/api/claims/${c.id}`, { method: "PATCH", as: r.as[this.who], body: { version: c.version, ...this.change } }), allowed);
    if (allowed) {
      if ("ratingKey" in this.change) c.ratingKey = this.change.ratingKey;
      c.shapedBy.add(this.who);
      c.version++;
      expectClaim(r, got.claim, c);
    }
    await checkPublic(m);
  }
  toString() {
    return `${this.who} edits claim #${this.index}: ${JSON.stringify(this.change)}`;
  }
}

class DeleteClaim extends OnClaim {
  async run(m: Model, r: Real) {
    const c = this.claim(m);
    const allowed = mayDelete(this.who, c);
    await expectOutcome(this.toString(), await call(`/api/claims/${c.id}`, { method: "DELETE", as: r.as[this.who], body: { version: c.version } }), allowed);
    if (allowed) m.claims.splice(m.claims.indexOf(c), 1);
    // A deleted imported draft is forgotten: importing its annotation again makes a new draft.
    if (allowed && c.importedAs) m.imported.delete(c.importedAs);
    await checkPublic(m);
  }
  toString() {
    return `${this.who} deletes claim #${this.index}`;
  }
}

class Transition extends OnClaim {
  constructor(who: Person, index: number, readonly action: Action, readonly ratingKey: string) {
    super(who, index);
  }
  async run(m: Model, r: Real) {
    const c = this.claim(m);
    const allowed = mayTransition(this.who, c, this.action);
    const body: Record<string, unknown> = { version: c.version, action: this.action === "correct_verdict" ? "correct" : this.action };
    if (this.action === "request_changes") body.comment = "Please look again.";
    if (this.action === "correct" || this.action === "retract" || this.action === "correct_verdict") body.reason = `Reason ${this.action}`;
    if (this.action === "correct_verdict") body.ratingKey = this.ratingKey;
    const got = await expectOutcome(this.toString(), await call(`/api/claims/${c.id}/transitions`, { method: "POST", as: r.as[this.who], body }), allowed);
    if (allowed) {
      applyTransition(this.who, c, this.action, this.ratingKey);
      expectClaim(r, got.claim, c);
    }
    await checkPublic(m);
  }
  toString() {
    return `${this.who} ${this.action}${this.action === "correct_verdict" ? ` to ${this.ratingKey}` : ""} on claim #${this.index}`;
  }
}

/**
 * Like Transition, but towards progress: of the people and actions the model allows now, one is taken
 * (the API must then agree), so that short sequences get deep into the workflow.
 */
class Advance implements Command {
  constructor(readonly start: number, readonly index: number, readonly pickAction: number, readonly ratingKey: string) {}
  chosen: Transition | null = null;
  check(m: Readonly<Model>) {
    return m.claims.length > 0;
  }
  async run(m: Model, r: Real) {
    const c = pick(m.claims, this.index);
    const options = people.flatMap((p) => actions.filter((a) => mayTransition(p, c, a)).map((a) => [p, a] as const));
    const [who, action] = options.length ? pick(options, this.pickAction + this.start) : [pick(people, this.start), pick(actions, this.pickAction)];
    this.chosen = new Transition(who, this.index, action, this.ratingKey);
    await this.chosen.run(m, r);
  }
  toString() {
    return this.chosen ? `${this.chosen} (advance)` : `advance claim #${this.index}`;
  }
}

class Reanchor extends OnClaim {
  constructor(who: Person, index: number, readonly phrase: string) {
    super(who, index);
  }
  check(m: Readonly<Model>) {
    return m.claims.length > 0 && m.text.includes(this.phrase);
  }
  async run(m: Model, r: Real) {
    const c = this.claim(m);
    const allowed = mayReanchor(this.who, c);
    const body = { version: c.version, selector: selectorFor(m.text, this.phrase) };
    const got = await expectOutcome(this.toString(), await call(`/api/claims/${c.id}/anchor`, { method: "POST", as: r.as[this.who], body }), allowed);
    if (allowed) {
      if (isPublic(c)) c.proposal = { exact: this.phrase, by: this.who };
      else Object.assign(c, { exact: this.phrase, anchorStatus: "anchored", proposal: null });
      c.shapedBy.add(this.who);
      c.version++;
      expectClaim(r, got.claim, c);
    }
    await checkPublic(m);
  }
  toString() {
    return `${this.who} places claim #${this.index} on "${this.phrase}"`;
  }
}

class ConfirmAnchor extends OnClaim {
  async run(m: Model, r: Real) {
    const c = this.claim(m);
    const allowed = mayConfirm(this.who, c);
    const got = await expectOutcome(this.toString(), await call(`/api/claims/${c.id}/anchor/confirm`, { method: "POST", as: r.as[this.who], body: { version: c.version } }), allowed);
    if (allowed) {
      Object.assign(c, { exact: c.proposal!.exact, anchorStatus: "anchored", proposal: null });
      c.shapedBy.clear();
      c.version++;
      expectClaim(r, got.claim, c);
    }
    await checkPublic(m);
  }
  toString() {
    return `${this.who} confirms the proposed place of claim #${this.index}`;
  }
}

class Revise implements Command {
  constructor(readonly who: Person, readonly variant: number) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const allowed = mayRevise(this.who, m);
    // As a Tiptap document, as the workspace sends it: every paragraph is kept as typed.
    const content = variantText(m.seq, this.variant).split("\n\n").map((text) => ({ type: "paragraph", content: [{ type: "text", text }] }));
    const res = await call(`/api/articles/${m.articleId}`, { method: "PUT", as: r.as[this.who], body: { version: m.articleVersion, doc: { type: "doc", content } } });
    const got = await expectOutcome(this.toString(), res, allowed);
    if (allowed && !got.unchanged) {
      m.articleVersion++;
      for (const { id, anchor } of got.claims as { id: number; anchor: { status: ModelClaim["anchorStatus"]; selector: { exact: string } | null } }[]) {
        const c = m.claims.find((x) => x.id === id)!;
        if (!(c.anchorStatus === "anchored" && anchor.status === "anchored")) c.version++;
        c.anchorStatus = anchor.status;
        if (anchor.status === "anchored" || anchor.status === "moved") c.exact = anchor.selector!.exact;
        // A proposed place quotes the old text: it lapses with the revision.
        c.proposal = null;
      }
      // The stored text is what claims are placed on from now on.
      m.text = (await json(await call(`/api/articles/${m.articleId}`, { as: r.as.admin }))).revision.text;
    }
    await checkPublic(m);
  }
  toString() {
    return `${this.who} revises the text to variant ${this.variant}`;
  }
}

class EditDescription implements Command {
  constructor(readonly who: Person, readonly name: string, readonly description: string) {}
  check(m: Readonly<Model>) {
    return m.claimants.has(`${this.name} ${m.seq}`);
  }
  async run(m: Model, r: Real) {
    const c = m.claimants.get(`${this.name} ${m.seq}`)!;
    const allowed = isEditor(this.who);
    const res = await call(`/api/claimants/${c.id}`, { method: "PATCH", as: r.as[this.who], body: { version: c.version, description: this.description } });
    const got = await expectOutcome(this.toString(), res, allowed);
    if (allowed) {
      Object.assign(c, { description: this.description, by: this.who, version: c.version + 1 });
      expect(got.claimant).toMatchObject({ description: c.description, publicDescription: c.publicDescription, version: c.version });
    }
    await checkPublic(m);
  }
  toString() {
    return `${this.who} describes ${this.name} as "${this.description}"`;
  }
}

class ApproveDescription implements Command {
  constructor(readonly who: Person, readonly name: string) {}
  check(m: Readonly<Model>) {
    return m.claimants.has(`${this.name} ${m.seq}`);
  }
  async run(m: Model, r: Real) {
    const c = m.claimants.get(`${this.name} ${m.seq}`)!;
    const allowed = mayApproveDescription(this.who, c);
    const res = await call(`/api/claimants/${c.id}/approve-description`, { method: "POST", as: r.as[this.who], body: { version: c.version } });
    const got = await expectOutcome(this.toString(), res, allowed);
    if (allowed) {
      Object.assign(c, { publicDescription: c.description, version: c.version + 1 });
      expect(got.claimant).toMatchObject({ description: c.description, publicDescription: c.publicDescription, version: c.version });
    }
    await checkPublic(m);
  }
  toString() {
    return `${this.who} approves the description of ${this.name}`;
  }
}

/**
 * A Hypothesis annotation on a phrase of the current text, with its exact context and position: the
 * importer's new draft, anchored, never public; the same annotation again creates nothing.
 */
class ImportAnnotation implements Command {
  constructor(readonly who: Person, readonly phrase: string, readonly n: number) {}
  check(m: Readonly<Model>) {
    return m.text.includes(this.phrase);
  }
  async run(m: Model, r: Real) {
    const id = `model-${m.seq}-${this.n}`;
    const points = [...m.text];
    const start = [...m.text.slice(0, m.text.indexOf(this.phrase))].length;
    const end = start + [...this.phrase].length;
    const selector = [
      { type: "TextQuoteSelector", exact: this.phrase, prefix: points.slice(Math.max(0, start - 32), start).join(""), suffix: points.slice(end, end + 32).join("") },
      { type: "TextPositionSelector", start, end },
    ];
    const row = { id, uri: "https://news.example/model", text: `Imported by ${this.who}`, tags: [], user: "acct:someone@hypothes.is", target: [{ source: "https://news.example/model", selector }] };
    const got = await expectOutcome(this.toString(), await call(`/api/articles/${m.articleId}/annotations/import`, { method: "POST", as: r.as[this.who], body: { rows: [row] } }), true);
    const [item] = got.items;
    if (m.imported.has(id)) {
      expect(item).toMatchObject({ status: "skipped" });
      expect(got.created).toBe(0);
    } else {
      expect(item).toMatchObject({ status: "anchored", exact: this.phrase });
      m.imported.add(id);
      const c: ModelClaim = {
        id: item.claimId, version: 1, state: "draft", author: this.who, ratingKey: null, exact: this.phrase, anchorStatus: "anchored",
        shapedBy: new Set([this.who]), proposal: null, pending: null, claimant: null, importedAs: id,
      };
      m.claims.push(c);
      expectClaim(r, (await json(await call(`/api/claims/${c.id}`, { as: r.as[this.who] }))).claim, c);
    }
    await checkPublic(m);
  }
  toString() {
    return `${this.who} imports annotation #${this.n} on "${this.phrase}"`;
  }
}

/**
 * An admin's unlock of someone's login (after a lockout): only an admin may, and it changes no claim,
 * so the model's claims and the public pages must be as they were.
 */
class UnlockLogin implements Command {
  constructor(readonly who: Person, readonly whom: Person) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    await expectOutcome(this.toString(), await call(`/api/users/${r.ids[this.whom]}/unlock`, { method: "POST", as: r.as[this.who] }), this.who === "admin");
    await checkPublic(m);
  }
  toString() {
    return `${this.who} unlocks the login of ${this.whom}`;
  }
}

/** The import form's detection: any staff member, storing nothing (the public pages stay as they were). */
class DetectDetails implements Command {
  constructor(readonly who: Person) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    const got = await expectOutcome(this.toString(), await call("/api/articles/detect", { method: "POST", as: r.as[this.who], body: { text: `${m.text}\n\nSource: https://news.example/model` } }), true);
    expect(got).toBeTruthy();
    await checkPublic(m);
  }
  toString() {
    return `${this.who} detects an article's details`;
  }
}

const person = fc.constantFrom(...people);
const index = fc.nat(3);
const rating = fc.constantFrom(...ratingKeys);

/** Every action the model-based test draws from. Weighted towards the workflow, where four eyes lives. */
export const commandArbitraries: fc.Arbitrary<Command>[] = [
  fc.tuple(person, fc.constantFrom(...phrases), fc.option(rating, { freq: 8 }), fc.option(fc.constantFrom(...claimantNames), { freq: 2 })).map(([p, ph, rk, cl]) => new CreateClaim(p, ph, rk, cl)),
  fc.tuple(person, index, fc.oneof(fc.record({ ratingKey: fc.option(rating, { freq: 6 }) }), fc.constant({ sources: [{ url: "https://example.org/data" }] }))).map(([p, i, ch]) => new EditClaim(p, i, ch)),
  fc.tuple(person, index).map(([p, i]) => new DeleteClaim(p, i)),
  fc.tuple(person, index, fc.constantFrom(...actions), rating).map(([p, i, a, rk]) => new Transition(p, i, a, rk)),
  ...[0, 1].map(() => fc.tuple(fc.nat(4), index, fc.nat(8), rating).map(([p, i, a, rk]) => new Advance(p, i, a, rk))),
  fc.tuple(person, index, fc.constantFrom(...phrases)).map(([p, i, ph]) => new Reanchor(p, i, ph)),
  fc.tuple(person, index).map(([p, i]) => new ConfirmAnchor(p, i)),
  fc.tuple(person, fc.nat(3)).map(([p, v]) => new Revise(p, v)),
  fc.tuple(person, fc.constantFrom(...claimantNames), fc.constantFrom("Minister of roads", "Opposition deputy")).map(([p, n, d]) => new EditDescription(p, n, d)),
  fc.tuple(person, fc.constantFrom(...claimantNames)).map(([p, n]) => new ApproveDescription(p, n)),
  fc.tuple(person, fc.constantFrom(...phrases), fc.nat(2)).map(([p, ph, n]) => new ImportAnnotation(p, ph, n)),
  fc.tuple(person, person).map(([p, w]) => new UnlockLogin(p, w)),
  person.map((p) => new DetectDetails(p)),
];
