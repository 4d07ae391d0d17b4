import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./fixtures/accounts";
import { LoginPage } from "./pages/login-page";
import { SettingsPage } from "./pages/settings-page";
import { signInAsNewUser } from "./fixtures/sign-in";
import { createUser } from "./fixtures/users";

// Each query string is sent as written. Browsers drop tabs and newlines and read backslashes as
// slashes, so several of these become "//evil.example" (another host) if handed on unparsed.
const HOSTILE_NEXT = [
  "?next=/%09/evil.example",
  "?next=/%0A/evil.example",
  "?next=/%0D/evil.example",
  "?next=%09//evil.example",
  "?next=/%5Cevil.example",
  "?next=%5C/evil.example",
  "?next=/%252F%252Fevil.example",
  "?next=//evil.example",
  "?next=https://evil.example/",
  "?next=javascript:alert(document.domain)",
];

test("signing in sends you back to the page you asked for", async ({ page }) => {
  await page.goto("/settings?from=now-15m");
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%3Ffrom%3Dnow-15m/);
  await new LoginPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/settings\?from=now-15m$/);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
});

test("signing in never leaves the site, whatever next says", async ({ page }) => {
  const user = await createUser("viewer");
  const login = new LoginPage(page);
  for (const search of HOSTILE_NEXT) {
    await login.open(search);
    const appOrigin = new URL(page.url()).origin;
    await login.signInAndWait(user.email, user.password);
    const landed = new URL(page.url());
    expect(`${landed.origin}${landed.pathname}`, `after /login${search}`).toBe(`${appOrigin}/`);
  }
});

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  await page.goto("/login");
  const login = new LoginPage(page);
  await login.signIn(E2E_ADMIN.email, "definitely-not-it");
  await expect(login.error()).toHaveText("Email or password is incorrect.");
  await login.signIn(`nobody-${Date.now()}@triage.test`, "whatever-password");
  await expect(login.error()).toHaveText("Email or password is incorrect.");
});

test("a viewer sees forms read-only and no admin pages", async ({ page }) => {
  await signInAsNewUser(page, "viewer", "/settings");
  const settings = new SettingsPage(page);
  await expect(settings.readOnlyNotice()).toBeVisible();
  await expect(settings.fieldset()).toHaveAttribute("disabled");
  await expect(settings.indexPattern()).toBeDisabled();
  await expect(settings.saveButton()).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(page.getByTestId("role-badge")).toHaveText("viewer");
  // The server refuses too, not only the UI.
  const direct = await page.request.post("/api/sources", { data: { name: "sneaky", indexPattern: "logs-*", mapping: {} }, headers: { origin: new URL(page.url()).origin } });
  expect(direct.status()).toBe(403);
  await page.goto("/admin/users");
  await expect(page.getByText("Admins only")).toBeVisible();
});

test("an admin edits settings; logging out ends the session", async ({ page }) => {
  await signInAsNewUser(page, "admin", "/settings");
  const settings = new SettingsPage(page);
  await settings.editSource("default");
  await expect(settings.fieldset()).toBeEnabled();
  await expect(settings.saveButton()).toBeVisible();
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?next=%2F/);
  const me = await page.request.get("/api/auth/me");
  expect(me.status()).toBe(401);
});

test("pages carry a nonce-based Content-Security-Policy and other security headers", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The page actually works under that policy (hydrated: the form validates on the client).
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("enter an email address")).toBeVisible();
});
