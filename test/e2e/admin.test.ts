import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, screenshot } from "./browser";
import { loginAs, viewportShot } from "./workspace-helpers";

const baseUrl = inject("baseUrl");
const stamp = Date.now();
const invitee = { email: `invitee-${stamp}@factline.local`, name: `Ina Invitee ${stamp % 10_000}`, password: "a long invitee passphrase" };
let browser: Browser;
let admin: Page;
let inviteLink = "";

beforeAll(async () => {
  browser = await launchChromium();
  admin = await loginAs(browser, baseUrl, "admin@factline.local");
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh browser context with nobody signed in. */
async function anonymous() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "en-US" });
  return context.newPage();
}

/** Log in through the login screen as someone who is not a demo account. */
async function loginWith(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/app/#/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Serious and critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The row of a user in the admin's table. */
const userRow = (page: Page, email: string) => page.locator(`.users-table tr[data-email="${email}"]`);

describe("inviting a user", () => {
  it("lets an admin invite a checker and shows the one-time link once", async () => {
    await admin.getByRole("link", { name: "Users" }).click();
    await admin.locator(".users-table").waitFor();
    await admin.getByLabel("Email", { exact: true }).fill(invitee.email);
    await admin.getByLabel("Name", { exact: true }).fill(invitee.name);
    await admin.getByLabel("Role", { exact: true }).selectOption("checker");
    await admin.getByRole("button", { name: "Create invitation link" }).click();
    const link = admin.locator('[data-secret="invite-link"]');
    await link.waitFor();
    inviteLink = await link.inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${baseUrl}/app/#/invite/[A-Za-z0-9_-]{20,}$`));
    await expect(admin.locator(".shown-once").textContent()).resolves.toContain("only time it is shown");
    await userRow(admin, invitee.email).waitFor();
    await viewportShot(admin, "workspace-admin-users");
    await expect(seriousViolations(admin)).resolves.toEqual([]);
  });

  it("refuses an email that already has an account, with the server's reason beside the form", async () => {
    await admin.getByLabel("Email", { exact: true }).fill("editor@factline.local");
    await admin.getByLabel("Name", { exact: true }).fill("Someone Else");
    await admin.getByRole("button", { name: "Create invitation link" }).click();
    await admin.locator(".invite-form .form-error", { hasText: "This email address already has an account." }).waitFor();
  });

  it("lets the invitee set a password through the link, then log in with the email filled in", async () => {
    const page = await anonymous();
    await page.goto(inviteLink);
    await page.getByRole("heading", { name: "Set your password" }).waitFor();
    await expect(page.locator(".topbar").count()).resolves.toBe(0);
    await screenshot(page, "workspace-invite");
    await expect(seriousViolations(page)).resolves.toEqual([]);

    // too short, then not repeated: both refused before anything is sent
    await page.getByLabel("New password").fill("short");
    await page.getByLabel("Repeat the password").fill("short");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.locator(".field-error:visible").textContent()).resolves.toBe("Use at least 12 characters.");
    await page.getByLabel("New password").fill(invitee.password);
    await page.getByLabel("Repeat the password").fill(`${invitee.password}!`);
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.locator(".field-error:visible").textContent()).resolves.toBe("The two passwords differ.");

    await page.getByLabel("Repeat the password").fill(invitee.password);
    await page.getByRole("button", { name: "Set password" }).click();
    await page.getByText("Your password is set. Log in to continue.").waitFor();
    await expect(page.getByLabel("Email").inputValue()).resolves.toBe(invitee.email);
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).name)).resolves.toBe("password");
    await page.getByLabel("Password", { exact: true }).fill(invitee.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.locator(".dashboard-grid").waitFor();
    await expect(page.locator(".who").textContent()).resolves.toBe(`Signed in as ${invitee.name} (checker)`);
    // a checker sees no user administration
    await expect(page.getByRole("link", { name: "Users" }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("does not accept the same link twice", async () => {
    const page = await anonymous();
    await page.goto(inviteLink);
    await page.getByLabel("New password").fill("another long passphrase");
    await page.getByLabel("Repeat the password").fill("another long passphrase");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.locator(".form-error", { hasText: "This invitation link is not valid, was used already, or has expired." }).waitFor();
    await page.context().close();
  });
});

describe("managing users", () => {
  it("changes the invitee's role, disables them (their login then fails) and enables them again", async () => {
    // accepting the invitation changed the user: load the list afresh (a stale one is tested below)
    await admin.reload();
    const row = userRow(admin, invitee.email);
    await row.getByLabel(`Role: ${invitee.name}`).selectOption("editor");
    await row.locator('[data-action="role"]').click();
    await admin.getByText(`${invitee.name} is now Editor.`).waitFor();
    await expect(userRow(admin, invitee.email).getByLabel(`Role: ${invitee.name}`).inputValue()).resolves.toBe("editor");

    await userRow(admin, invitee.email).locator('[data-action="disable"]').click();
    await admin.getByText(`${invitee.name} is disabled and can no longer log in.`).waitFor();
    await expect(userRow(admin, invitee.email).locator(".badge").textContent()).resolves.toBe("Disabled");
    const page = await anonymous();
    await loginWith(page, invitee.email, invitee.password);
    await page.locator(".form-error", { hasText: "The email or the password is wrong." }).waitFor();

    await userRow(admin, invitee.email).locator('[data-action="enable"]').click();
    await admin.getByText(`${invitee.name} can log in again.`).waitFor();
    await page.getByRole("button", { name: "Log in" }).click();
    await page.locator(".dashboard-grid").waitFor();
    await expect(page.locator(".who").textContent()).resolves.toBe(`Signed in as ${invitee.name} (editor)`);
    await page.context().close();
  });

  it("does not let an admin change their own account, and says why", async () => {
    const row = userRow(admin, "admin@factline.local");
    await expect(row.locator('[data-action="role"]').isDisabled()).resolves.toBe(true);
    await expect(row.locator('[data-action="disable"]').isDisabled()).resolves.toBe(true);
    await expect(row.locator(".reason").textContent()).resolves.toContain("cannot change your own role");
  });

  it("shows the other admin's change instead of overwriting it when the version is stale", async () => {
    const other = await loginAs(browser, baseUrl, "admin@factline.local");
    await other.goto(`${baseUrl}/app/#/admin/users`);
    await userRow(other, invitee.email).waitFor();
    // the first admin changes the role while the second still shows the old version
    await userRow(admin, invitee.email).getByLabel(`Role: ${invitee.name}`).selectOption("checker");
    await userRow(admin, invitee.email).locator('[data-action="role"]').click();
    await admin.getByText(`${invitee.name} is now Checker.`).waitFor();
    await userRow(other, invitee.email).locator('[data-action="disable"]').click();
    await other.getByText("Someone changed this user first. The list was reloaded with the latest data.").waitFor();
    await expect(userRow(other, invitee.email).getByLabel(`Role: ${invitee.name}`).inputValue()).resolves.toBe("checker");
    await expect(userRow(other, invitee.email).locator(".badge").textContent()).resolves.toBe("Active");
    await other.context().close();
  });
});

describe("non-admins", () => {
  it("see no Users entry, get a refusal on the screen, and the API refuses their invitations", async () => {
    const editor = await loginAs(browser, baseUrl, "editor@factline.local");
    await expect(editor.getByRole("link", { name: "Users" }).count()).resolves.toBe(0);
    await editor.goto(`${baseUrl}/app/#/admin/users`);
    await expect(editor.getByRole("alert").textContent()).resolves.toBe("Only admins can manage users.");
    await expect(editor.locator(".invite-form").count()).resolves.toBe(0);
    const status = await editor.evaluate(async () => {
      const res = await fetch("/api/users/invitations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "x@factline.local", name: "X", role: "admin" }) });
      return res.status;
    });
    expect(status).toBe(403);
    await editor.context().close();
  });
});

describe("the account screen", () => {
  it("creates an API token shown once that works as a Bearer token until it is revoked", async () => {
    const page = await anonymous();
    await loginWith(page, invitee.email, invitee.password);
    await page.locator(".dashboard-grid").waitFor();
    await page.getByRole("link", { name: "Account" }).click();
    await page.getByLabel("Token name (what it is for)").fill("nightly import");
    await page.getByLabel("Expires after").selectOption("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = page.locator('[data-secret="api-token"]');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token).toMatch(/^fl_/);
    await page.locator(".tokens-table tr", { hasText: "nightly import" }).waitFor();
    const expires = await page.evaluate(async () => (await (await fetch("/api/auth/tokens")).json()).items[0].expiresAt as string);
    expect(Math.round((Date.parse(expires) - Date.now()) / 86_400_000)).toBe(30);
    await viewportShot(page, "workspace-account");
    await expect(seriousViolations(page)).resolves.toEqual([]);

    const me = () => fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    const ok = await me();
    expect(ok.status).toBe(200);
    await expect(ok.json()).resolves.toMatchObject({ user: { email: invitee.email } });

    await page.locator(".tokens-table tr", { hasText: "nightly import" }).getByRole("button", { name: /Revoke/ }).click();
    await page.locator(".tokens-table tr", { hasText: "nightly import" }).getByText(/^Revoked/).waitFor();
    expect((await me()).status).toBe(401);
    await page.context().close();
  });

  it("lets an admin see and revoke anyone's API tokens from the users screen", async () => {
    const page = await anonymous();
    await loginWith(page, invitee.email, invitee.password);
    await page.locator(".dashboard-grid").waitFor();
    const { token } = await page.evaluate(async () => (await fetch("/api/auth/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "backup script" }) })).json());
    await admin.goto(`${baseUrl}/app/#/admin/users`);
    const row = admin.locator(`.users-table tr[data-email="${invitee.email}"]`);
    await row.getByRole("button", { name: /API tokens/ }).click();
    const tokenRow = admin.locator(".token-row tr", { hasText: "backup script" });
    await tokenRow.getByRole("button", { name: /Revoke/ }).click();
    await tokenRow.getByText(/^Revoked/).waitFor();
    expect((await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await page.context().close();
  });

  it("logs out everywhere: another browser's session ends too", async () => {
    const here = await anonymous();
    const elsewhere = await anonymous();
    for (const p of [here, elsewhere]) {
      await loginWith(p, invitee.email, invitee.password);
      await p.locator(".dashboard-grid").waitFor();
    }
    const { token } = await here.evaluate(async () => (await fetch("/api/auth/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "laptop script" }) })).json());
    await here.goto(`${baseUrl}/app/#/account`);
    await here.getByText(/revokes all your API tokens/).waitFor();
    await here.getByRole("button", { name: "Log out everywhere" }).click();
    await here.getByRole("heading", { name: "Log in to the Factline workspace" }).waitFor();
    await elsewhere.reload();
    await elsewhere.getByRole("heading", { name: "Log in to the Factline workspace" }).waitFor();
    await expect(elsewhere.evaluate(async () => (await fetch("/api/auth/me")).status)).resolves.toBe(401);
    expect((await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    for (const p of [here, elsewhere]) await p.context().close();
  });
});
