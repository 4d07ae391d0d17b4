import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { decodePageCursor, encodePageCursor } from "@/lib/logs/page-cursor";
import { fieldValuesParamsSchema } from "@/lib/schemas/log-fields";
import { CURSOR_MESSAGE, logSearchParamsSchema, type LogSearchResponse } from "@/lib/schemas/log-search";
import { MAX_RANGE_MS } from "@/lib/time/resolve-time-range";
import type { TestDatabase } from "@/prisma/factories";
import type { LogStore } from "../log-store/types";
import { openRouteTestDatabase } from "@/lib/testing/route-test-database";
import { connectTestEngine, countOpenContexts, putTransientClusterSetting, TEST_ENGINES, uniqueTestIndex, type TestEngine } from "@/lib/testing/test-engines";
import { getFieldValues } from "./get-field-values";
import { getLogPage, type LogPageOptions } from "./get-log-page";
import { createLogContext } from "./log-context";
import { PAGE_NOTICES } from "./read-log-page";

const BASE = Date.UTC(2025, 0, 6, 12);
const LINES = 12_000;
const SERVICES = ["gateway", "users", "orders", "payments"] as const;
// Three lines share each second, so page ends fall inside runs of equal timestamps.
const line = (i: number) => ({
  "@timestamp": new Date(BASE + Math.floor(i / 3) * 1000).toISOString(),
  service: { name: SERVICES[i % 4] },
  log: { level: i % 7 === 0 ? "ERROR" : "INFO" },
  http: { response: { status_code: i % 7 === 0 ? 500 : 200 } },
  message: `handled request ${i}`,
  custom: { tag: `t${i % 5}` },
});
const RANGE = { from: new Date(BASE - 60_000).toISOString(), to: new Date(BASE + LINES * 1000).toISOString() };
// Over both engines' default 24h cap on keep-alive: a real refusal that touches no shared setting.
const REFUSED: LogPageOptions = { keepAliveSeconds: 2 * 86_400 };

let database: TestDatabase;
let secret: Buffer;
beforeAll(async () => {
  database = await openRouteTestDatabase("triage_paging");
  secret = await (await import("../security/app-secret")).getAppSecret();
});
afterAll(async () => {
  const { getDbPool } = await import("../db");
  await getDbPool().end().catch(() => {});
  await database?.drop();
});

function explorer(engine: TestEngine, labels: string[]) {
  const indices = Object.fromEntries(labels.map((label) => [label, uniqueTestIndex(label)]));
  const state = { store: undefined as unknown as LogStore };
  const viewer = `viewer-${crypto.randomUUID()}`;
  const page = (input: Record<string, unknown>, options: { index?: string; viewer?: string; page?: LogPageOptions } = {}) =>
    getLogPage(
      logSearchParamsSchema.parse({ ...RANGE, size: 500, ...input }),
      createLogContext({ store: state.store, settings: { indexPattern: options.index ?? indices[labels[0]!]!, mapping: ECS_FIELD_MAPPING }, viewer: { id: options.viewer ?? viewer } }),
      options.page,
    );
  /** Follows nextCursor from the first page to the last, as the pager does. */
  async function walk(input: Record<string, unknown>, options: Parameters<typeof page>[1] = {}): Promise<LogSearchResponse[]> {
    const pages = [await page(input, options)];
    while (pages.at(-1)!.paging.nextCursor && pages.length < 100) pages.push(await page({ ...input, cursor: pages.at(-1)!.paging.nextCursor }, options));
    return pages;
  }
  const contexts = (label = labels[0]!) => countOpenContexts(engine, indices[label]!);
  return { indices, state, viewer, page, walk, contexts };
}

describe.each(TEST_ENGINES)("explorer pages on $name", (engine) => {
  const { indices, state, page, walk, contexts } = explorer(engine, ["page", "tied"]);
  const index = indices.page!;

  beforeAll(async () => {
    state.store = await connectTestEngine(engine);
    await state.store.bulkIndex(index, Array.from({ length: LINES }, (_, i) => line(i)), { refresh: true });
    // 700 lines in one millisecond: more than a page, so only the point in time's tiebreaker can page them.
    await state.store.bulkIndex(indices.tied!, Array.from({ length: 700 }, (_, i) => ({ ...line(i), "@timestamp": new Date(BASE).toISOString() })), { refresh: true });
  });
  afterAll(async () => {
    for (const name of Object.values(indices)) await state.store?.deleteIndex(name);
    await state.store?.close();
  });

  it("pages through all 12,000 lines past 10,000, each once, newest first, with an exact total, in one point in time", async () => {
    const pages = await walk({});
    const lines = pages.flatMap((p) => p.lines);
    expect(pages.every((p) => p.total === LINES && p.totalRelation === "eq")).toBe(true);
    expect(lines).toHaveLength(LINES);
    expect(new Set(lines.map((l) => l.id)).size).toBe(LINES);
    const times = lines.map((l) => Date.parse(l.timestamp!));
    expect(times.every((time, i) => i === 0 || time <= times[i - 1]!)).toBe(true);
    expect(pages.map((p) => p.paging.page)).toEqual(pages.map((_, i) => i + 1));
    expect(pages.map((p) => p.paging.offset)).toEqual(pages.map((_, i) => pages.slice(0, i).reduce((sum, q) => sum + q.lines.length, 0)));
    // Later pages keep the first page's range, and the histogram always adds up to the total.
    expect(new Set(pages.map((p) => `${p.from}/${p.to}`)).size).toBe(1);
    for (const p of [pages[0]!, pages[21]!]) expect(p.histogram.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(LINES);
    expect(pages.flatMap((p) => p.notices)).toEqual([]);
    expect(await contexts()).toBe(1);
  });

  it("walks oldest first on request, and back with prevCursor to the same pages", async () => {
    const pages = await walk({ order: "asc", q: "log.level:INFO" });
    const expected = LINES - Math.ceil(LINES / 7);
    const lines = pages.flatMap((p) => p.lines);
    expect(lines).toHaveLength(expected);
    expect(new Set(lines.map((l) => l.id)).size).toBe(expected);
    const times = lines.map((l) => Date.parse(l.timestamp!));
    expect(times.every((time, i) => i === 0 || time >= times[i - 1]!)).toBe(true);

    let current = pages.at(-1)!;
    for (let n = pages.length - 1; n >= 2; n--) {
      current = await page({ order: "asc", q: "log.level:INFO", cursor: current.paging.prevCursor });
      expect(current.paging.page).toBe(n);
      expect(current.lines.map((l) => l.id)).toEqual(pages[n - 1]!.lines.map((l) => l.id));
    }
    expect(current.paging.prevCursor).toBeNull();
    expect(current.paging.isFirstPage).toBe(false);
  });

  it("pages through more equal timestamps than fit on a page", async () => {
    const pages = await walk({}, { index: indices.tied });
    expect(pages.map((p) => p.lines.length)).toEqual([500, 200]);
    expect(new Set(pages.flatMap((p) => p.lines.map((l) => l.id))).size).toBe(700);
  });

  it("holds one point in time per viewer and view: 25 reads of one link, refetches and a colleague's copy", async () => {
    const first = await page({ q: "handled" });
    const second = await page({ q: "handled", cursor: first.paging.nextCursor });
    for (let i = 0; i < 25; i++) {
      const again = await page({ q: "handled", cursor: first.paging.nextCursor });
      expect(again.lines.map((l) => l.id)).toEqual(second.lines.map((l) => l.id));
    }
    const third = await page({ q: "handled", cursor: second.paging.nextCursor });
    await page({ q: "handled", cursor: second.paging.nextCursor });
    await page({ q: "handled", cursor: third.paging.prevCursor ?? second.paging.nextCursor });
    expect(await contexts()).toBe(1);
    // A colleague opening the same link reads in a point in time of their own.
    const colleague = await page({ q: "handled", cursor: second.paging.nextCursor }, { viewer: `colleague-${crypto.randomUUID()}` });
    expect(colleague.lines.map((l) => l.id)).toEqual(third.lines.map((l) => l.id));
    expect(await contexts()).toBe(2);
  });

  it("closes the point in time when the viewer moves on to another query, range or first page", async () => {
    const viewer = `mover-${crypto.randomUUID()}`;
    const before = await contexts();
    const view = async (input: Record<string, unknown>) => {
      const first = await page(input, { viewer });
      return page({ ...input, cursor: first.paging.nextCursor }, { viewer });
    };
    const users = await view({ service: ["users"] });
    expect(await contexts()).toBe(before + 1);
    await view({ service: ["orders"] });
    expect(await contexts()).toBe(before + 1);
    await view({ service: ["orders"], from: new Date(BASE).toISOString() });
    expect(await contexts()).toBe(before + 1);
    // Back to an earlier view's link: it reads on in a new point in time and says so.
    const back = await page({ service: ["users"], cursor: users.paging.nextCursor }, { viewer });
    expect(back.notices).toEqual([PAGE_NOTICES.newSnapshot]);
    expect(back.lines).toHaveLength(500);
    expect(await contexts()).toBe(before + 1);
    await page({ service: ["payments"] }, { viewer });
    expect(await contexts()).toBe(before);
  });

  it("never reads a point in time past its keep-alive: a lapsed one is replaced and closed, not reused", async () => {
    const viewer = `idle-${crypto.randomUUID()}`;
    const short = { viewer, page: { keepAliveSeconds: 3 } };
    const before = await contexts();
    const first = await page({ q: "request" }, short);
    const second = await page({ q: "request", cursor: first.paging.nextCursor }, short);
    await page({ q: "request", cursor: first.paging.nextCursor }, short);
    expect(await contexts()).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const third = await page({ q: "request", cursor: second.paging.nextCursor }, short);
    expect(third.notices).toEqual([PAGE_NOTICES.newSnapshot]);
    expect(third.paging.page).toBe(3);
    expect(await contexts()).toBe(before + 1);
    await page({ q: "elsewhere" }, short);
    expect(await contexts()).toBe(before);
  });

  it("pages without a point in time when the engine refuses one: every line once, both ways, with a notice, never a 503", async () => {
    const before = await contexts();
    const refused = { page: REFUSED, viewer: `refused-${crypto.randomUUID()}` };
    const pages = await walk({}, refused);
    const lines = pages.flatMap((p) => p.lines);
    expect(lines).toHaveLength(LINES);
    expect(new Set(lines.map((l) => l.id)).size).toBe(LINES);
    const times = lines.map((l) => Date.parse(l.timestamp!));
    expect(times.every((time, i) => i === 0 || time <= times[i - 1]!)).toBe(true);
    expect(pages.every((p) => p.total === LINES)).toBe(true);
    for (const later of pages.slice(1)) expect(later.notices).toEqual([PAGE_NOTICES.refused]);
    // Back from the last page to page 2: every line from there on exactly once. (Pages read backwards are
    // cut between milliseconds too, so their edges need not match the forward pages'.)
    const seen = [...pages.at(-1)!.lines];
    let current = pages.at(-1)!;
    while (current.paging.prevCursor) {
      current = await page({ cursor: current.paging.prevCursor }, refused);
      seen.unshift(...current.lines);
    }
    expect(current.paging.page).toBe(2);
    const newest = Date.parse(seen[0]!.timestamp!);
    const ids = (list: typeof lines) => list.map((l) => l.id).sort();
    expect(ids(seen)).toEqual(ids(lines.filter((l) => Date.parse(l.timestamp!) <= newest)));
    expect(await contexts()).toBe(before);
  });

  it("without a point in time, shows one page of an over-full millisecond and says the rest is skipped", async () => {
    const first = await page({}, { index: indices.tied, page: REFUSED });
    expect(first.lines).toHaveLength(500);
    expect(first.notices).toEqual([PAGE_NOTICES.refused, PAGE_NOTICES.skippedTies]);
    const next = await page({ cursor: first.paging.nextCursor }, { index: indices.tied, page: REFUSED });
    expect(next.lines).toHaveLength(0);
    expect(next.paging.nextCursor).toBeNull();
  });

  it("counts top values exactly, for the default fields and for a field opened later", async () => {
    const first = await page({ status: ["5xx"] });
    const count = async (term: Record<string, unknown>) =>
      (await state.store.search({ index, body: { size: 0, track_total_hits: true, query: { bool: { filter: [term, { term: { "http.response.status_code": 500 } }] } } } })).total;
    const services = first.topValues.find((t) => t.field === "service.name")!;
    expect(services.values).toHaveLength(4);
    for (const { value, count: shown } of services.values) expect(shown).toBe(await count({ term: { "service.name": value } }));
    expect(first.topValues.map((t) => t.field)).toEqual(["service.name", "log.level", "http.response.status_code"]);
    expect(first.topValues[2]!.values).toEqual([{ value: "500", count: first.total }]);

    const context = createLogContext({ store: state.store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } });
    const tags = await getFieldValues(fieldValuesParamsSchema.parse({ ...RANGE, status: ["5xx"], field: "custom.tag" }), context);
    for (const { value, count: shown } of tags.values) expect(shown).toBe(await count({ term: { "custom.tag": value } }));
    expect(tags.values.reduce((sum, v) => sum + v.count, 0) + tags.other).toBe(first.total);
    // Full text is counted through its keyword sub-field.
    const messages = await getFieldValues(fieldValuesParamsSchema.parse({ ...RANGE, q: "handled", field: "message" }), context);
    expect(messages).toMatchObject({ countedField: "message.keyword", other: LINES - 10 });
  });

  it("answers unknown fields with a 400 that names them", async () => {
    const context = createLogContext({ store: state.store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } });
    await expect(getFieldValues(fieldValuesParamsSchema.parse({ ...RANGE, field: "no.such.field" }), context)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^unknown field no\.such\.field/),
    });
    await expect(page({ q: "servce.name:users" })).rejects.toMatchObject({ status: 400, fields: { q: expect.stringMatching(/unknown field servce\.name \(column 1\)/) } });
  });

  it("refuses damaged, foreign, unsigned and out-of-range page links with a 400", async () => {
    const first = await page({});
    const second = await page({ cursor: first.paging.nextCursor });
    const cursor = second.paging.nextCursor!;
    const refused = { status: 400, message: CURSOR_MESSAGE };
    await expect(page({ cursor: "garbage" })).rejects.toMatchObject(refused);
    await expect(page({ cursor: cursor.slice(0, -3) })).rejects.toMatchObject(refused);
    await expect(page({ cursor: `${cursor.slice(0, 40)}${cursor[40] === "A" ? "B" : "A"}${cursor.slice(41)}` })).rejects.toMatchObject(refused);
    await expect(page({ cursor, q: "users" })).rejects.toMatchObject(refused);
    expect(logSearchParamsSchema.safeParse({ cursor: "a".repeat(9_000) }).error?.issues[0]?.message).toBe(CURSOR_MESSAGE);

    const decoded = decodePageCursor(cursor, secret)!;
    await expect(page({ cursor: encodePageCursor(decoded, Buffer.alloc(32, 9)) })).rejects.toMatchObject(refused);
    // Signed with the real secret, yet outside what a URL may ask for: a 400 on the cursor, never a 500.
    const outOfRange = [
      { from: decoded.to - MAX_RANGE_MS - 1, to: decoded.to },
      { from: -1e17, to: decoded.to },
      { from: 8.64e15 - 1_000, to: 8.64e15 + 1_000 },
      { from: decoded.to, to: decoded.from },
    ];
    for (const range of outOfRange) {
      await expect(page({ cursor: encodePageCursor({ ...decoded, ...range }, secret) }), JSON.stringify(range)).rejects.toMatchObject({
        status: 400,
        fields: { cursor: expect.stringMatching(/time range is not usable|expired or is damaged/) },
      });
    }
    await expect(page({ cursor: encodePageCursor({ ...decoded, from: decoded.to - MAX_RANGE_MS - 1 }, secret) })).rejects.toMatchObject({
      fields: { cursor: expect.stringMatching(/time range is not usable \(the time range is longer than the 31-day maximum/) },
    });
  });
});

describe.each(TEST_ENGINES.filter((engine) => engine.name === "OpenSearch"))("explorer paging at $name's point-in-time limit", (engine) => {
  const { indices, state, page, contexts } = explorer(engine, ["limit"]);

  beforeAll(async () => {
    state.store = await connectTestEngine(engine);
    await state.store.bulkIndex(indices.limit!, Array.from({ length: 3_000 }, (_, i) => line(i)), { refresh: true });
  });
  afterAll(async () => {
    await state.store?.deleteIndex(indices.limit!);
    await state.store?.close();
  });

  it("still pages when search.max_open_pit_context is reached, with a notice instead of a 503", async () => {
    const first = await page({});
    const expected = (await page({ cursor: first.paging.nextCursor }, { viewer: `reference-${crypto.randomUUID()}` })).lines.map((l) => l.id);
    let second: LogSearchResponse;
    // The engine is shared with parallel runs: the limit is lowered for this one page only.
    try {
      await putTransientClusterSetting(engine, { "search.max_open_pit_context": 0 });
      second = await page({ cursor: first.paging.nextCursor });
    } finally {
      await putTransientClusterSetting(engine, { "search.max_open_pit_context": null });
    }
    expect(second.notices).toEqual([PAGE_NOTICES.refused]);
    // Read live, the page ends before the last millisecond a point in time could split: the same lines, or that run fewer.
    expect(second.lines.length).toBeGreaterThanOrEqual(expected.length - 2);
    expect(second.lines.every((l) => expected.includes(l.id))).toBe(true);
    expect(await contexts()).toBe(1);
  });
});
