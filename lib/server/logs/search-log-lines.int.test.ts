import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { logSearchParamsSchema } from "@/lib/schemas/log-search";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { getLogPage } from "./get-log-page";
import { createLogContext } from "@/lib/server/logs/log-context";

const SECRETS = [/Bearer eyJ/, /eyJhbGciOi/, /api_key=tk_live_\w+/, /\b4111 1111 1111 1111\b|\b5555 5555 5555 4444\b|\b4012 8888 8888 1881\b/];

describe.each(TEST_ENGINES)("log lines on $name", (engine) => {
  const index = uniqueTestIndex("lines");
  let store: LogStore;
  let truth: Awaited<ReturnType<typeof seedDemoLogs>>;
  const settings = () => ({ indexPattern: index, mapping: ECS_FIELD_MAPPING });
  const search = (input: Record<string, unknown>) =>
    getLogPage(logSearchParamsSchema.parse({ from: truth.windowStart, to: truth.anchor, size: 500, ...input }), createLogContext({ store, settings: settings() }));

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    truth = await seedDemoLogs(store, { index, seed: 99, anchor: Date.now(), targetLines: 4000 });
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("redacts bearer tokens, JWTs, API keys in URLs and card numbers from real demo lines", async () => {
    const queries = ["_exists_:http.request.headers.authorization", "message:charging", "url.full:*api_key* OR url.query:*api_key*"];
    let seen = 0;
    for (const q of queries) {
      // The engine really holds the secrets (so this test can fail)...
      const raw = await store.search({ index, body: { size: 50, query: { query_string: { query: q, allow_leading_wildcard: true } } } });
      const rawText = JSON.stringify(raw.hits.map((hit) => hit._source));
      expect(SECRETS.some((pattern) => pattern.test(rawText)), `raw lines for ${q} carry a secret`).toBe(true);
      // ...and none of them reaches the browser.
      const page = await search({ q: q.replace(/\*api_key\*/g, "*").replace("url.full:* OR url.query:*", "_exists_:url.query OR _exists_:url.full") });
      const text = JSON.stringify(page.lines);
      for (const pattern of SECRETS) expect(text, `${q} leaks ${pattern}`).not.toMatch(pattern);
      expect(page.redactions).toBeGreaterThan(0);
      seen += page.lines.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("counts exactly and pages newest first by default", async () => {
    const page = await search({ size: 20 });
    expect(page.total).toBe(truth.totals.lines);
    expect(page.totalRelation).toBe("eq");
    const times = page.lines.map((line) => Date.parse(line.timestamp!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by status class and service", async () => {
    const page = await search({ status: ["5xx"], service: ["users"], size: 1 });
    const expected = truth.perServicePerMinute.filter((row) => row.service === "users").reduce((sum, row) => sum + row.status5xx, 0);
    expect(page.total).toBe(expected);
  });

  it("answers a malformed query string with a 400 that names the problem and its column", async () => {
    await expect(search({ q: "status:(500 OR" })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/column 8/) });
  });

  it("passes the engine's own parse errors on as a query error, not a 500", async () => {
    await expect(search({ q: "http.response.status_code:[500 TO" })).rejects.toMatchObject({ status: 400 });
    // The pre-flight check does not know regular expressions; the engine's parser does, and it lands on the query box.
    await expect(search({ q: "message:/unterminated" })).rejects.toMatchObject({ status: 400, fields: { q: expect.stringMatching(/parse/i) } });
  });

  it("refuses leading wildcards instead of scanning every term", async () => {
    await expect(search({ q: "message:*timeout" })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/leading wildcards/) });
  });
});

describe("index restriction", () => {
  it("has no parameter that names an index or a script", () => {
    for (const key of ["index", "script", "body", "dsl"]) {
      const parsed = logSearchParamsSchema.safeParse({ [key]: ".security" });
      expect(parsed.success, key).toBe(false);
    }
  });
});
