import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { redactDocument } from "@/lib/logs/redact";
import { logExportParamsSchema } from "@/lib/schemas/log-export";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { connectTestEngine, countOpenContexts, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { exportLogLines, type ExportLimits } from "./export-log-lines";
import { ExportSlots } from "./export-slots";
import { activeRedactionRules } from "./redaction-rules";
import { createLogContext } from "@/lib/server/logs/log-context";

const SECRETS = [/Bearer eyJ/, /eyJhbGciOi/, /api_key=tk_live_\w+/, /\b4111 1111 1111 1111\b|\b5555 5555 5555 4444\b/];

/** RFC 4180 reader, so the test proves the file parses back rather than trusting the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += char;
    } else if (char === ",") {
      endCell();
    } else if (char === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += char;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Watches the real store's calls without changing them. */
function observe(store: LogStore) {
  const calls = { search: 0, close: 0 };
  const observed = new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (prop === "search") calls.search++;
        if (prop === "closePointInTime") calls.close++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { observed, calls };
}

describe.each(TEST_ENGINES)("log export on $name", (engine) => {
  const index = uniqueTestIndex("export");
  let store: LogStore;
  let truth: DemoGroundTruth;
  const run = (input: Record<string, unknown>, deps: Partial<ExportLimits> & { store?: LogStore; signal?: AbortSignal; viewer?: string } = {}) => {
    const { store: observed, signal, viewer, ...limits } = deps;
    return exportLogLines(
      logExportParamsSchema.parse({ from: truth.windowStart, to: truth.anchor, ...input }),
      createLogContext({ store: observed ?? store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING }, signal, viewer: viewer ? { id: viewer } : undefined }),
      { maxLines: 100_000, batchSize: 700, ...limits },
    );
  };
  const contexts = () => countOpenContexts(engine, index);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const ndjson = async (input: Record<string, unknown>, deps: Partial<ExportLimits> = {}) => {
    const file = await run({ format: "ndjson", ...input }, deps);
    const text = await new Response(file.body).text();
    return { file, text, lines: text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
  };

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    truth = await seedDemoLogs(store, { index, seed: 5, anchor: Date.now(), targetLines: 4000 });
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("writes every matching line exactly once, redacted, newest first, across many pages", async () => {
    const { file, text, lines } = await ndjson({});
    expect(file).toMatchObject({ total: truth.totals.lines, lines: truth.totals.lines, truncated: false, contentType: "application/x-ndjson; charset=utf-8" });
    expect(lines).toHaveLength(truth.totals.lines);
    expect(text).not.toMatch(/_triage/);
    // The same documents as a direct read, redacted the same way: nothing lost, nothing doubled.
    const direct = await store.search({ index, body: { size: 10_000, query: { match_all: {} } } });
    const expected = direct.hits.map((hit) => JSON.stringify(redactDocument(hit._source, activeRedactionRules()).value)).sort();
    expect(lines.map((line) => JSON.stringify(line)).sort()).toEqual(expected);
    const times = lines.map((line) => Date.parse(line["@timestamp"] as string));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(file.fileName).toMatch(/^triage-logs-\d{8}T\d{6}Z-\d{8}T\d{6}Z\.ndjson$/);
  });

  it("stops at the cap and says so in a last _triage line", async () => {
    const capped = await ndjson({}, { maxLines: 1000, batchSize: 300 });
    expect(capped.file).toMatchObject({ total: truth.totals.lines, lines: 1000, truncated: true });
    expect(capped.lines).toHaveLength(1001);
    expect(capped.lines.at(-1)).toEqual({ _triage: { truncated: true, exported: 1000, total: truth.totals.lines } });

    const limited = await ndjson({ limit: "50" });
    expect(limited.lines).toHaveLength(51);
    expect(limited.lines.at(-1)).toEqual({ _triage: { truncated: true, exported: 50, total: truth.totals.lines } });
    // A limit above the server's cap does not raise it.
    expect((await ndjson({ limit: "500" }, { maxLines: 20 })).lines).toHaveLength(21);
  });

  it("exports exactly the filtered view: users 5xx as the ground truth counts them", async () => {
    const { file, lines } = await ndjson({ service: ["users"], status: ["5xx"], order: "asc" });
    const expected = truth.perServicePerMinute.filter((row) => row.service === "users").reduce((sum, row) => sum + row.status5xx, 0);
    expect(expected).toBeGreaterThan(0);
    expect(file.total).toBe(expected);
    expect(lines).toHaveLength(expected);
    for (const line of lines) expect(line).toMatchObject({ service: { name: "users" }, http: { response: { status_code: expect.any(Number) } } });
    const times = lines.map((line) => Date.parse(line["@timestamp"] as string));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Metadata fields pass the explorer's field check: the e2e spec scopes its export with _index.
    expect((await run({ q: `_index:${index}`, limit: "3" })).total).toBe(truth.totals.lines);
  });

  it("writes CSV that parses back, with the chosen columns and a truncation row", async () => {
    const file = await run({ format: "csv", status: ["5xx"], columns: ["http.response.status_code", "url.path"] });
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    const rows = parseCsv(await new Response(file.body).text());
    expect(rows[0]).toEqual(["timestamp", "service", "level", "message", "http.response.status_code", "url.path"]);
    expect(rows).toHaveLength(file.total + 1);
    expect(file.total).toBe(truth.totals.status5xx);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(6);
      expect(Number(row[4])).toBeGreaterThanOrEqual(500);
      expect(row[1]).toMatch(/^(gateway|auth|users|orders|payments)$/);
    }

    const cut = await run({ format: "csv" }, { maxLines: 10 });
    const cutRows = parseCsv(await new Response(cut.body).text());
    expect(cutRows).toHaveLength(12);
    expect(cutRows.at(-1)).toEqual([`# truncated: exported 10 of ${truth.totals.lines} lines`]);
  });

  it("redacts every line in both formats", async () => {
    const raw = await store.search({ index, body: { size: 20, query: { exists: { field: "http.request.headers.authorization" } } } });
    expect(JSON.stringify(raw.hits)).toMatch(/Bearer eyJ/);
    const { text } = await ndjson({});
    const csv = await new Response((await run({ format: "csv", columns: ["url.full", "url.query"] })).body).text();
    for (const pattern of SECRETS) {
      expect(text).not.toMatch(pattern);
      expect(csv).not.toMatch(pattern);
    }
    expect(text).toMatch(/\[REDACTED auth-header\]/);
    expect(csv).toMatch(/api_key=\[REDACTED secret-param\]/);
    // A secret field as a column is refused before any byte is sent: it could only ever hold markers.
    await expect(run({ format: "csv", columns: ["http.request.headers.authorization"] })).rejects.toMatchObject({ status: 400 });
  });

  it("stops paging and frees the point in time when the client goes away", async () => {
    const { observed, calls } = observe(store);
    const controller = new AbortController();
    const file = await run({}, { store: observed, batchSize: 100, signal: controller.signal });
    const reader = file.body.getReader();
    expect((await reader.read()).done).toBe(false);
    controller.abort();
    await expect(reader.read()).rejects.toBeDefined();
    const searches = calls.search;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls.search).toBe(searches);
    expect(searches).toBeLessThan(5);
    expect(calls.close).toBe(1);

    const cancelled = observe(store);
    const other = await run({}, { store: cancelled.observed, batchSize: 100 });
    const otherReader = other.body.getReader();
    await otherReader.read();
    await otherReader.cancel();
    expect(cancelled.calls.close).toBe(1);
  });

  it("drops a reader that takes nothing for the stall timeout, and closes its point in time", async () => {
    const slots = new ExportSlots();
    const before = await contexts();
    const files = [await run({}, { batchSize: 100, stallTimeoutMs: 600, slots }), await run({ format: "csv" }, { batchSize: 100, stallTimeoutMs: 600, slots })];
    expect(await contexts()).toBe(before + 2);
    expect(slots.size).toBe(2);
    await sleep(1_200);
    expect(await contexts()).toBe(before);
    expect(slots.size).toBe(0);
    for (const file of files) await expect(new Response(file.body).text()).rejects.toThrow(/took nothing for 600 ms/);

    // A reader that keeps taking is never stalled, however long the whole file takes.
    const slow = await run({}, { batchSize: 250, stallTimeoutMs: 600, slots });
    const reader = slow.body.getReader();
    let lines = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      lines += new TextDecoder().decode(chunk.value).split("\n").filter(Boolean).length;
      await sleep(150);
    }
    expect(lines).toBe(truth.totals.lines);
    expect(await contexts()).toBe(before);
  });

  it("bounds concurrent exports per viewer and per instance with a 429 that says which, opening nothing when refused", async () => {
    const limits = { slots: new ExportSlots(), maxPerUser: 2, maxPerInstance: 3 };
    const before = await contexts();
    const running = [await run({}, { ...limits, viewer: "ann" }), await run({}, { ...limits, viewer: "ann" })];
    await expect(run({}, { ...limits, viewer: "ann" })).rejects.toMatchObject({ status: 429, code: "rate_limited", message: expect.stringMatching(/^You already have 2 exports running/) });
    running.push(await run({}, { ...limits, viewer: "bob" }));
    await expect(run({}, { ...limits, viewer: "cat" })).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/instance is already running 3 exports/) });
    expect(await contexts()).toBe(before + 3);

    // A cancelled export frees its slot; so do a finished one and one refused as a bad query.
    await running.shift()!.body.cancel();
    running.push(await run({}, { ...limits, viewer: "cat" }));
    await new Response(running.shift()!.body).text();
    for (let i = 0; i < 3; i++) await expect(run({ q: "status:(500 OR" }, { ...limits, viewer: "ann" })).rejects.toMatchObject({ status: 400 });
    running.push(await run({}, { ...limits, viewer: "ann" }));
    expect(limits.slots.size).toBe(3);
    for (const file of running) await file.body.cancel();
    expect(limits.slots.size).toBe(0);
    expect(await contexts()).toBe(before);
  });

  it("answers a broken query with a 400 before streaming, and an empty result with just the header", async () => {
    const { observed, calls } = observe(store);
    await expect(run({ q: "status:(500 OR" }, { store: observed })).rejects.toMatchObject({ status: 400 });
    await expect(run({ q: "message:/unterminated" }, { store: observed })).rejects.toMatchObject({ status: 400, fields: { q: expect.any(String) }, message: expect.not.stringMatching(/point in time/) });
    expect(calls.close).toBe(1);
    // The explorer's field check applies too: a misspelt field is named before anything streams.
    await expect(run({ q: "no_such_field:1" })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/unknown field no_such_field/) });
    const empty = await run({ format: "csv", service: ["no-such-service"] });
    expect(empty).toMatchObject({ total: 0, lines: 0, truncated: false });
    expect(await new Response(empty.body).text()).toBe("timestamp,service,level,message\r\n");
  });

  it("has no parameter that names an index, a page cursor or a page size", () => {
    for (const key of ["index", "cursor", "size", "script"]) expect(logExportParamsSchema.safeParse({ [key]: "x" }).success, key).toBe(false);
    expect(logExportParamsSchema.safeParse({ columns: ["a,b"] }).success).toBe(false);
    expect(logExportParamsSchema.safeParse({ format: "xlsx" }).success).toBe(false);
  });
});
