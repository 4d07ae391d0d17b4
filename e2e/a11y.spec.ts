import { expect, test } from "@playwright/test";
import { APP_PAGES, THEMES, type PageWorld } from "./fixtures/app-pages";
import { expectNoAxeViolations } from "./fixtures/axe";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { signInAsNewUser } from "./fixtures/sign-in";
import { LoginPage } from "./pages/login-page";

// axe-core (WCAG 2 A and AA) on every page, in the light and the dark theme. Themes come from the
// system preference here (the default for a new user); the toggle's own test is below.
const BACKGROUND = { light: "rgb(245, 246, 248)", dark: "rgb(15, 18, 23)" } as const;
let seeded: SeededLogs;
let world: PageWorld;
test.beforeAll(() => {
  seeded = seedLogs({ lines: 3000, seed: 900_000 + Math.floor(Math.random() * 100_000) });
  world = { truth: seeded.truth };
});
test.afterAll(async () => {
  await seeded?.remove();
});

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test("the login page has no axe violations", async ({ page }) => {
      await page.goto("/login");
      await expect(page.getByRole("heading", { name: "Sign in to Triage" })).toBeVisible();
      await expectNoAxeViolations(page, { label: `login (${theme})` });
    });

    test("every signed-in page has no axe violations", async ({ page }) => {
      test.setTimeout(120_000);
      await signInAsNewUser(page, "admin");
      for (const appPage of APP_PAGES) {
        await test.step(appPage.name, async () => {
          await appPage.open(page, world);
          // The theme really is the one under test: the page background follows it.
          expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BACKGROUND[theme]);
          await expectNoAxeViolations(page, { label: `${appPage.name} (${theme})`, soft: true });
        });
      }
    });
  });
}

test("the theme toggle overrides the system, survives a reload and follows the user to a new browser", async ({ page, browser }) => {
  const user = await signInAsNewUser(page, "viewer");
  await page.emulateMedia({ colorScheme: "dark" });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.getByLabel("Theme").selectOption("light");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect.poll(background).not.toBe(dark);
  const light = await background();

  // Server-rendered from the cookie: the first HTML already carries the theme (no flash).
  await expect.poll(async () => (await page.request.get("/")).text()).toMatch(/<html[^>]*data-theme="light"/);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await background()).toBe(light);

  // Another browser (no cookie) signs in as the same user and gets the remembered theme.
  const other = await browser.newContext({ colorScheme: "dark" });
  const otherPage = await other.newPage();
  await otherPage.goto("/login");
  await new LoginPage(otherPage).signInAndWait(user.email, user.password);
  await expect(otherPage.locator("html")).toHaveAttribute("data-theme", "light");
  await other.close();

  // "System theme" drops the override: the media query decides again.
  await page.getByLabel("Theme").selectOption("system");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.+/);
  await expect.poll(background).toBe(dark);
});
