import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSecretDocuments } from "@/lib/demo/secret-documents";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { errorRateParamsSchema } from "@/lib/schemas/error-rate";
import { fieldValuesParamsSchema } from "@/lib/schemas/log-fields";
import { logExportParamsSchema } from "@/lib/schemas/log-export";
import { logSearchParamsSchema } from "@/lib/schemas/log-search";
import type { LogSettings } from "@/lib/schemas/log-settings";
import { overviewParamsSchema } from "@/lib/schemas/overview";
import { requestDrilldownParamsSchema } from "@/lib/schemas/request-drilldown";
import { surroundingLinesParamsSchema } from "@/lib/schemas/surrounding-lines";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { getErrorRate } from "../overview/get-error-rate";
import { getOverview } from "../overview/get-overview";
import { getRequestDrilldown } from "../requests/get-request-drilldown";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { exportLogLines } from "./export-log-lines";
import { getFieldValues } from "./get-field-values";
import { getLogPage } from "./get-log-page";
import { getSurroundingLines } from "./get-surrounding-lines";
import { listLogFields } from "./list-log-fields";
import { createLogContext, type LogContext } from "./log-context";

// The demo generator's own secrets (bearer JWTs, api keys in URLs, card numbers in messages).
const DEMO_SECRETS = [/eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\.[\w-]{4}/, /tk_live_[A-Za-z0-9]{4}/, /\b(?:4111 1111 1111 1111|5555 5555 5555 4444|4012 8888 8888 1881|3782 822463 10005)\b/];

/**
 * Every answer a browser can get that carries engine content, serialised whole and searched for
 * every known secret: demo lines plus one request that holds a secret in every place Triage
 * reads (lib/demo/secret-documents). A new answer belongs in this list.
 */
describe.each(TEST_ENGINES)("no secret leaves through any answer on $name", (engine) => {
  const index = uniqueTestIndex("secrets");
  const anchor = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const leaky = buildSecretDocuments({ seed: 11, at: anchor.getTime() - 10 * 60_000 });
  const range = { from: new Date(anchor.getTime() - 60 * 60_000).toISOString(), to: anchor.toISOString() };
  const ofUser = `user.id:"${leaky.userId}"`;
  let store: LogStore;
  let context: LogContext;
  const contextWith = (settings: Partial<LogSettings> = {}) => createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING, ...settings }, now: anchor });

  const expectNoSecret = (label: string, answer: unknown) => {
    const text = typeof answer === "string" ? answer : JSON.stringify(answer);
    for (const secret of leaky.secrets) expect(text.includes(secret), `${label} leaks ${secret}`).toBe(false);
    for (const pattern of DEMO_SECRETS) expect(text, `${label} leaks ${pattern}`).not.toMatch(pattern);
  };
  const page = (q: string, ctx = context) => getLogPage(logSearchParamsSchema.parse({ ...range, q, size: 500 }), ctx);

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    await seedDemoLogs(store, { index, seed: 31, anchor, targetLines: 3000 });
    const written = await store.bulkIndex(index, leaky.documents, { refresh: true });
    expect(written.failed, written.firstError).toBe(0);
    context = contextWith();
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("a store method the redacting store does not know cannot be called through a context", async () => {
    const grown = Object.assign(Object.create(store) as LogStore, { readDocument: (id: string) => store.search({ index, body: { query: { ids: { values: [id] } } } }) });
    const through = contextWith().store as unknown as { readDocument: (id: string) => unknown; info: () => Promise<unknown> };
    expect(() => (createLogContext({ store: grown, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }).store as unknown as typeof through).readDocument("x")).toThrow(/not redacted/);
    await expect(through.info()).resolves.toMatchObject({ engine: store.engine });
  });

  it("the engine really holds every secret, so this test can fail", async () => {
    const raw = await store.search({ index, body: { size: 100, query: { term: { "user.id": leaky.userId } } } });
    const rawText = JSON.stringify(raw.hits.map((hit) => hit._source));
    expect(leaky.secrets.filter((secret) => !rawText.includes(secret))).toEqual([]);
  });

  it("explorer pages and their sidebar top values", async () => {
    for (const q of ["", ofUser, `http.request.id:"${leaky.requestId}"`]) expectNoSecret(`page q=${q}`, await page(q));
    expect((await page(ofUser)).lines).toHaveLength(leaky.documents.length);
  });

  it("the issue's examples: url.query top values lose their api_key, authorization top values are refused", async () => {
    const values = (field: string) => getFieldValues(fieldValuesParamsSchema.parse({ ...range, field }), context);
    const query = await values("url.query");
    expect(query.values.some((value) => value.value.includes("api_key=[REDACTED secret-param]"))).toBe(true);
    expectNoSecret("url.query top values", query);
    await expect(values("http.request.headers.authorization")).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/^http\.request\.headers\.authorization is a secret field \(redaction rule auth-header\)/) });
  });

  it("the field list and every field's top values; secret fields are refused and say why", async () => {
    const list = await listLogFields(context);
    expectNoSecret("field list", list);
    const secret = list.fields.filter((field) => field.secret).map((field) => field.name);
    expect(secret).toEqual(expect.arrayContaining(["http.request.headers.authorization", "http.request.headers.cookie", "http.request.headers.x-api-key", "user.session_id", "payment.passphrase", "payment.secretKey", "payment.signing_key", "http.request.header_list.value"]));
    let counted = 0;
    for (const field of list.fields) {
      const params = fieldValuesParamsSchema.parse({ ...range, q: ofUser, field: field.name });
      if (field.secret) {
        await expect(getFieldValues(params, context), field.name).rejects.toMatchObject({ status: 400, fields: { field: expect.stringMatching(/is a secret field/) } });
        continue;
      }
      if (!field.countable) continue;
      const values = await getFieldValues(params, context);
      expectNoSecret(`top values of ${field.name}`, values);
      counted += values.values.length;
    }
    expect(counted).toBeGreaterThan(20);
  });

  it("the overview: services, facets, top endpoints and top errors; and the error rate", async () => {
    const overview = await getOverview(overviewParamsSchema.parse(range), context);
    expectNoSecret("overview", overview);
    // The secret-holding keys did come through, redacted.
    expect(overview.available.environments).toContain("leaky token=[REDACTED secret-param]");
    expect(overview.topErrors.map((error) => error.type)).toContain("AuthError token=[REDACTED secret-param]");
    expect(overview.topEndpoints.map((endpoint) => endpoint.path)).toContain("/api/magic-link/[REDACTED jwt]");
    expectNoSecret("error rate", await getErrorRate(errorRateParamsSchema.parse(range), context));
  });

  it("the request drilldown: timeline, first error, curl, lines and related requests, from a line and cold", async () => {
    const hinted = requestDrilldownParamsSchema.parse({ id: leaky.requestId, around: leaky.at.toISOString(), user: leaky.userId });
    const cold = requestDrilldownParamsSchema.parse({ id: leaky.requestId });
    for (const params of [hinted, cold]) {
      const drilldown = await getRequestDrilldown(params, context);
      expectNoSecret(`drilldown ${JSON.stringify(params)}`, drilldown);
      expect(drilldown.logLines).toHaveLength(4);
      expect(drilldown.related.sameUser.map((request) => request.id)).toEqual(["[REDACTED jwt]"]);
    }
  });

  it("the lines around each secret-holding line", async () => {
    for (const line of (await page(ofUser)).lines) {
      expectNoSecret(`surrounding ${line.id}`, await getSurroundingLines(surroundingLinesParamsSchema.parse({ id: line.id, before: 30, after: 30 }), context));
    }
  });

  it("exports, NDJSON and CSV with the columns that hold secrets", async () => {
    const columns = ["url.query", "url.full", "url.path", "error.message", "error.type", "error.stack_trace", "payment.pan", "process.env", "service.environment", "http.request.id"];
    for (const format of ["ndjson", "csv"] as const) {
      const file = await exportLogLines(logExportParamsSchema.parse({ ...range, format, columns }), context, { maxLines: 10_000 });
      const text = await new Response(file.body).text();
      expect(text).toContain("[REDACTED");
      expectNoSecret(`export ${format}`, text);
    }
  });

  it("queries, exports and counts that name a secret field, or a pattern covering one, are a 400 that says why", async () => {
    const refusals = [
      "http.request.headers.authorization:Bearer\\ eyJa*",
      "http.request.headers.authorization.keyword:Bearer*",
      "http.request.headers.\\*:Bearer*",
      "user.id:x OR \\*:Bearer*",
      "payment.secretKey:ck*",
      "user.session_id:[a TO z]",
      "http.request.header_list.value:session*",
    ];
    for (const q of refusals) await expect(page(q), q).rejects.toMatchObject({ status: 400, fields: { q: expect.stringMatching(/secret field/) } });
    const secretColumn = logExportParamsSchema.parse({ ...range, format: "csv", columns: ["http.request.headers.cookie"] });
    await expect(exportLogLines(secretColumn, context, { maxLines: 10 })).rejects.toMatchObject({ status: 400, fields: { columns: expect.stringMatching(/secret field/) } });
    // Presence is not a secret: the redacted line shows the field anyway.
    expect((await page(`${ofUser} AND _exists_:http.request.headers.authorization`)).total).toBe(1);
  });

  it("bare terms never search a secret field, even when the default query fields' patterns cover one", async () => {
    const wide = contextWith({ defaultQueryFields: ["http.request.headers.*", "url.*"] });
    const bare = await page(`${ofUser} AND Bearer\\ eyJ*`, wide);
    expect(bare.total).toBe(0);
    // Every header field of the index is secret, so that pattern searches nothing; url.* covers none and stays as it is.
    expect(bare.queryFields).toEqual(["url.*"]);
    // The same bare term does find the line through a field that is not secret.
    expect((await page(`${ofUser} AND page\\=1*`, wide)).total).toBe(1);
  });
});
