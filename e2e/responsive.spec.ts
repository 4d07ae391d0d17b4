import { expect, test } from "@playwright/test";
import { APP_PAGES, type PageWorld } from "./fixtures/app-pages";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { signInAsNewUser } from "./fixtures/sign-in";

// A laptop and a phone (an on-call engineer opens the alert link on a phone first): no page-level
// horizontal scroll; wide tables scroll inside their panel instead.
const VIEWPORTS = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

let seeded: SeededLogs;
let world: PageWorld;
test.beforeAll(() => {
  seeded = seedLogs({ lines: 2000, seed: 1_100_000 + Math.floor(Math.random() * 100_000) });
  world = { truth: seeded.truth };
});
test.afterAll(async () => {
  await seeded?.remove();
});

for (const viewport of VIEWPORTS) {
  test(`${viewport.name} (${viewport.width}×${viewport.height}): no page scrolls sideways`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signInAsNewUser(page, "admin");
    for (const appPage of APP_PAGES) {
      await test.step(appPage.name, async () => {
        await appPage.open(page, world);
        const widths = await page.evaluate(() => {
          // The innermost boxes whose content (elements or long text) is wider than they are, outside any scrolling box: the culprits.
          const clipped = (element: Element) => {
            for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) if (getComputedStyle(parent).overflowX !== "visible") return true;
            return false;
          };
          const overflows = (element: Element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible" && !clipped(element);
          const culprits = [...document.body.querySelectorAll("*")].filter((element) => overflows(element) && ![...element.children].some(overflows));
          const name = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${[...element.classList].map((c) => `.${c}`).join("")} (${Math.round(element.getBoundingClientRect().right)} px)`;
          return { scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth, culprits: culprits.slice(0, 6).map(name) };
        });
        expect.soft(widths.scroll, `${appPage.name}: page width ${widths.scroll} px in a ${widths.inner} px window; sticking out: ${widths.culprits.join(", ")}`).toBeLessThanOrEqual(widths.inner);
      });
    }
  });
}
