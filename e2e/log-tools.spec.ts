import { expect, test } from "@playwright/test";
import { seedLogs, type SeededLogs } from "./fixtures/seed-logs";
import { LogLineTools } from "./pages/log-line-tools";
import { RequestPage } from "./pages/request-page";
import { signInAsNewUser } from "./fixtures/sign-in";

let seeded: SeededLogs;

test.beforeAll(() => {
  seeded = seedLogs({ lines: 3000, seed: 800_000 + Math.floor(Math.random() * 100_000) });
});
test.afterAll(async () => {
  await seeded?.remove();
});

test.beforeEach(async ({ page }) => {
  await signInAsNewUser(page, "viewer");
});

/** Export links scoped to this test's own index, so no other spec's lines are counted. */
const exportUrl = (params: Record<string, string | string[]>) => {
  const query = new URLSearchParams({ from: seeded.truth.windowStart, to: seeded.truth.anchor, q: `_index:${seeded.index}` });
  for (const [key, value] of Object.entries(params)) for (const item of [value].flat()) query.append(key, item);
  return `/api/logs/export?${query}`;
};

test("an export streams the filtered lines, redacted, and says when the cap cut it", async ({ page }) => {
  const cut = await page.request.get(exportUrl({ format: "ndjson", limit: "5" }));
  expect(cut.status()).toBe(200);
  expect(cut.headers()["content-disposition"]).toMatch(/^attachment; filename="triage-logs-.*\.ndjson"$/);
  expect(cut.headers()["x-triage-export-truncated"]).toBe("true");
  const lines = (await cut.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toHaveLength(6);
  expect(lines.at(-1)).toEqual({ _triage: { truncated: true, exported: 5, total: seeded.truth.totals.lines } });

  const csv = await page.request.get(exportUrl({ format: "csv", status: "5xx", columns: ["http.response.status_code", "url.query"] }));
  expect(csv.headers()["x-triage-export-truncated"]).toBe("false");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe("timestamp,service,level,message,http.response.status_code,url.query");
  expect(Number(csv.headers()["x-triage-export-total"])).toBe(seeded.truth.totals.status5xx);
  expect(text).not.toMatch(/Bearer eyJ|eyJhbGciOi|tk_live_/);

  // A secret field as a column is refused up front, with the reason.
  const secret = await page.request.get(exportUrl({ format: "csv", columns: ["http.request.headers.authorization"] }));
  expect(secret.status()).toBe(400);
  expect((await secret.json()).error.message).toMatch(/http\.request\.headers\.authorization is a secret field/);
});

test("an expanded line shows its surrounding lines from the same service, itself highlighted", async ({ page }) => {
  const incident = seeded.truth.incidents.find((candidate) => candidate.timelines.length > 0)!;
  const requestId = incident.timelines[0]!.requestId;
  const drilldown = new RequestPage(page);
  await drilldown.open(requestId, `?around=${encodeURIComponent(incident.start)}`);
  const tools = new LogLineTools(page);
  const lineId = await tools.expandFirstLine(drilldown.lineTable);
  await tools.showSurroundingLines();
  await expect(tools.anchorRow).toHaveAttribute("data-line-id", lineId);
  expect(await tools.panelRows().count()).toBeGreaterThan(1);
});
