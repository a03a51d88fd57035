import { describe, expect, it } from "vitest";
import fixture from "../fixtures/claimreview-external.html?raw";
import { call, json, signInStaff } from "./support";

describe("external fact-checks: POST /api/fact-checks/import", () => {
  it("imports the ClaimReviews of a pasted page once, and they are matched as theirs, never ours", async () => {
    const people = await signInStaff();
    const first = await call("/api/fact-checks/import", { method: "POST", as: people.checker, body: { content: fixture } });
    expect(first.status).toBe(201);
    expect(await json(first)).toEqual({ found: 2, created: 2, existing: 0 });
    // Idempotent: the same page again creates nothing.
    const again = await call("/api/fact-checks/import", { method: "POST", as: people.editor, body: { content: fixture } });
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual({ found: 2, created: 0, existing: 2 });

    const { items } = await json(await call("/api/match", { method: "POST", as: people.checker, body: { text: "Every year sixty thousand graduates of Kazakhstan's schools go abroad" } }));
    expect(items[0]).toMatchObject({
      kind: "external",
      organisation: "Проверено",
      rating: "Скорее неправда",
      url: "https://provereno.example/2021/vypuskniki",
      date: "2021-01-12",
      language: "ru",
      article: null,
    });
    const turnout = await json(await call("/api/match", { method: "POST", as: people.checker, body: { text: "явка на выборах 2023 года составила 54 процента" } }));
    expect(turnout.items[0]).toMatchObject({ kind: "external", rating: "5/5", organisation: "Provereno" });
  });

  it("accepts a bare JSON-LD document, and says clearly when there is nothing to import", async () => {
    const people = await signInStaff();
    const doc = { "@context": "https://schema.org", "@type": "ClaimReview", claimReviewed: "Astana has 1.3 million residents", url: "https://fc.example/astana", author: { name: "FC" } };
    const ok = await call("/api/fact-checks/import", { method: "POST", as: people.checker, body: { content: JSON.stringify(doc) } });
    expect(await json(ok)).toEqual({ found: 1, created: 1, existing: 0 });
    const none = await call("/api/fact-checks/import", { method: "POST", as: people.checker, body: { content: "<html><p>no reviews</p></html>" } });
    expect(none.status).toBe(400);
    expect((await json(none)).error.code).toBe("no_claimreview");
    const broken = await call("/api/fact-checks/import", { method: "POST", as: people.checker, body: { content: "{ not json" } });
    expect((await json(broken)).error.code).toBe("invalid_json");
    expect((await call("/api/fact-checks/import", { method: "POST", as: null, body: { content: JSON.stringify(doc) } })).status).toBe(401);
  });
});
