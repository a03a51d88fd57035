import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { forgetPublicPages } from "../../worker/http/public-memory";
import { call, claimThrough, importArticle, json, origin, signInStaff, type Staff } from "./support";

let people: Awaited<ReturnType<typeof signInStaff>>;
let admin: Staff, checker: Staff, editor: Staff, editor2: Staff;

beforeEach(async () => {
  people = await signInStaff();
  ({ admin, checker, editor, editor2 } = people);
});

const text = "Minister promises schools\n\nThe minister said that 500 new schools will open by 2026.";
const emptySection = { en: "", ru: "", kk: "" };
const about = (organisation: Record<"en" | "ru" | "kk", string>) => ({ organisation, funding: { ...emptySection, en: "Reader donations." }, team: emptySection });

/** The contact form as a browser posts it (form-encoded), from our own page unless told otherwise. */
function postTip(fields: Record<string, string>, headers: Record<string, string> = { origin }) {
  const body = new URLSearchParams({ lang: "en", ...fields }).toString();
  const request = new Request(`${origin}/contact`, { method: "POST", body, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });
  return exports.default.fetch(request);
}

const tips = async () => (await json(await call("/api/tips", { as: editor }))) as { items: { claim: string; url: string | null }[]; total: number };

describe("methodology", () => {
  it("explains the scale in the admins' wording, with a published example for a rating", async () => {
    expect((await call("/api/rating-scale/half-true", { method: "PATCH", as: admin, body: { version: 0, labels: { ru: "Наполовину правда" } } })).status).toBe(200);
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor });
    const res = await call("/methodology?lang=ru");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Наполовину правда");
    expect(html).not.toContain(">Полуправда<");
    expect(html).toContain(`href="/claims/${claim.id}"`);
    expect(html).toContain('href="/corrections"');
  });
});

describe("corrections policy", () => {
  it("is linked from a corrected claim's card", async () => {
    const article = await importArticle(text, checker);
    const claim = await claimThrough(article, "500 new schools will open by 2026", "published", { checker, editor });
    const before = await (await call(`/claims/${claim.id}`)).text();
    expect(before.match(/<main[\s\S]*<\/main>/)![0]).not.toContain('href="/corrections"');
    const res = await call(`/api/claims/${claim.id}/transitions`, { method: "POST", as: editor2, body: { action: "correct", version: claim.version, reason: "The year was 2027 in the speech" } });
    expect(res.status).toBe(200);
    const after = await (await call(`/claims/${claim.id}`)).text();
    expect(after.match(/<main[\s\S]*<\/main>/)![0]).toContain('href="/corrections"');
    expect((await call("/corrections?lang=kk")).status).toBe(200);
  });
});

describe("about page", () => {
  it("shows what an admin wrote, escaped, and refreshes when it changes", async () => {
    let res = await call("/api/site/about", { method: "PUT", as: admin, body: { version: 0, content: about({ en: "Factline Newsroom <script>alert(1)</script>\n\nSecond paragraph & more", ru: "Редакция", kk: "" }) } });
    expect(res.status).toBe(200);
    expect((await json(res)).version).toBe(1);
    let html = await (await call("/about")).text();
    expect(html).toContain("Factline Newsroom &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("<p>Second paragraph &amp; more</p>");
    expect(html).toContain("Reader donations.");
    // Kazakh falls back to English where the admin left it empty.
    expect(await (await call("/about?lang=kk")).text()).toContain("Factline Newsroom &lt;script&gt;");
    expect(await (await call("/about?lang=ru")).text()).toContain("Редакция");
    res = await call("/api/site/about", { method: "PUT", as: admin, body: { version: 1, content: about({ en: "Renamed newsroom", ru: "", kk: "" }) } });
    expect(res.status).toBe(200);
    html = await (await call("/about")).text();
    expect(html).toContain("Renamed newsroom");
    expect(html).not.toContain("Factline Newsroom");
  });

  it("moves public_state on, so another isolate's memory refreshes too", async () => {
    await call("/about");
    const before = (await env.DB.prepare("select version from public_state").first<{ version: number }>())!.version;
    await call("/api/site/about", { method: "PUT", as: admin, body: { version: 0, content: about({ en: "x", ru: "", kk: "" }) } });
    const after = (await env.DB.prepare("select version from public_state").first<{ version: number }>())!.version;
    expect(after).toBeGreaterThan(before);
    forgetPublicPages();
  });

  it("refuses a stale version, bad content, other roles and a cross-site write", async () => {
    expect((await call("/api/site/about", { method: "PUT", as: admin, body: { version: 0, content: about(emptySection) } })).status).toBe(200);
    const stale = await call("/api/site/about", { method: "PUT", as: admin, body: { version: 0, content: about(emptySection) } });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.code).toBe("stale_version");
    const bad = await call("/api/site/about", { method: "PUT", as: admin, body: { version: 1, content: { organisation: emptySection } } });
    expect(bad.status).toBe(400);
    expect((await call("/api/site/about", { method: "PUT", as: editor, body: { version: 1, content: about(emptySection) } })).status).toBe(403);
    expect((await call("/api/site/about", { method: "PUT", body: { version: 1, content: about(emptySection) } })).status).toBe(401);
    const csrf = await call("/api/site/about", { method: "PUT", as: admin, body: { version: 1, content: about(emptySection) }, headers: { origin: "https://evil.example" } });
    expect(csrf.status).toBe(403);
    expect((await json(csrf)).error.code).toBe("csrf");
    expect((await json(await call("/api/site/about", { as: admin }))).version).toBe(1);
  });
});

describe("contact form", () => {
  it("keeps a tip sent from our page and sends the reader to the thank-you page", async () => {
    const res = await postTip({ claim: "The mayor said <b>90%</b> of roads were repaired", url: "https://news.example/roads", message: "Seen on TV", contact: "" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/contact?sent=1&lang=en");
    const list = await tips();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ claim: "The mayor said <b>90%</b> of roads were repaired", url: "https://news.example/roads" });
    expect(await (await call("/contact?sent=1")).text()).toContain("Thank you");
    expect((await call("/api/tips")).status).toBe(401);
    expect((await call("/api/tips", { as: checker })).status).toBe(200);
  });

  it("refuses a post from another site, and keeps nothing", async () => {
    const res = await postTip({ claim: "Forged" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("not sent from our site");
    const noOrigin = await postTip({ claim: "Forged" }, { "sec-fetch-site": "cross-site" });
    expect(noOrigin.status).toBe(403);
    expect((await tips()).total).toBe(0);
  });

  it("drops a tip whose hidden honeypot field is filled, answering as if sent", async () => {
    const res = await postTip({ claim: "Buy cheap pills", website: "https://spam.example" });
    expect(res.status).toBe(303);
    expect((await tips()).total).toBe(0);
  });

  it("answers bad input with the form again: sentences in the reader's language, the values kept and escaped", async () => {
    const res = await postTip({ claim: "", url: "not a url", message: "<img src=x onerror=alert(1)>", lang: "ru" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain("Опишите утверждение для проверки");
    expect(html).toContain("Введите веб-адрес");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
    expect((await tips()).total).toBe(0);
  });

  it("limits tips from one client in a window, with Retry-After", async () => {
    const headers = { origin, "cf-connecting-ip": "203.0.113.9" };
    for (let i = 0; i < 5; i++) expect((await postTip({ claim: `Tip ${i}` }, headers)).status).toBe(303);
    const sixth = await postTip({ claim: "Tip 6" }, headers);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await sixth.text()).toContain("Please try again in");
    // Another client is not held back.
    expect((await postTip({ claim: "Other reader" }, { origin, "cf-connecting-ip": "203.0.113.10" })).status).toBe(303);
    expect((await tips()).total).toBe(6);
  });
});

describe("not found and error pages", () => {
  it("serves public 404s as HTML in the site layout and the reader's language; the API keeps JSON", async () => {
    const res = await call("/nowhere", { headers: { "accept-language": "kk" } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="kk">');
    expect(html).toContain("Бет табылмады");
    expect(html).toContain('role="search"');
    expect(html).toContain('href="/methodology"');
    const claim = await call("/claims/123456", { headers: { cookie: "lang=ru" } });
    expect(claim.status).toBe(404);
    expect(await claim.text()).toContain("Страница не найдена");
    const api = await call("/api/nowhere");
    expect(api.status).toBe(404);
    expect((await json(api)).error.code).toBe("not_found");
  });

  it("puts the footer's four links on every public page", async () => {
    for (const path of ["/", "/search?q=x", "/methodology", "/corrections", "/about", "/contact"]) {
      const html = await (await call(path)).text();
      for (const link of ["/methodology", "/corrections", "/about", "/contact"]) expect(html, `${path} → ${link}`).toContain(`href="${link}"`);
    }
  });
});
