import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { decodePageCursor, encodePageCursor } from "@/lib/logs/page-cursor";
import { fieldValuesParamsSchema } from "@/lib/schemas/log-fields";
import { CURSOR_MESSAGE, logSearchParamsSchema, type LogSearchResponse } from "@/lib/schemas/log-search";
import type { LogStore } from "../log-store/types";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { getFieldValues } from "./get-field-values";
import { getLogPage } from "./get-log-page";
import { createLogContext } from "@/lib/server/logs/log-context";

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

describe.each(TEST_ENGINES)("explorer pages on $name", (engine) => {
  const index = uniqueTestIndex("page");
  const tiedIndex = uniqueTestIndex("tied");
  const otherIndex = uniqueTestIndex("other");
  let store: LogStore;
  const settings = (indexPattern = index) => ({ indexPattern, mapping: ECS_FIELD_MAPPING });
  const page = (input: Record<string, unknown>, indexPattern = index) => getLogPage(logSearchParamsSchema.parse({ ...RANGE, size: 500, ...input }), createLogContext({ store, settings: settings(indexPattern) }));

  /** Follows nextCursor from the first page to the last, as the pager does. */
  async function walk(input: Record<string, unknown>, indexPattern = index): Promise<LogSearchResponse[]> {
    const pages = [await page(input, indexPattern)];
    while (pages.at(-1)!.paging.nextCursor && pages.length < 100) pages.push(await page({ ...input, cursor: pages.at(-1)!.paging.nextCursor }, indexPattern));
    return pages;
  }

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    await store.bulkIndex(index, Array.from({ length: LINES }, (_, i) => line(i)), { refresh: true });
    // 700 lines in one millisecond: more than a page, so only the point in time's tiebreaker can page them.
    await store.bulkIndex(tiedIndex, Array.from({ length: 700 }, (_, i) => ({ ...line(i), "@timestamp": new Date(BASE).toISOString() })), { refresh: true });
    await store.bulkIndex(otherIndex, [line(1)], { refresh: true });
  });
  afterAll(async () => {
    for (const name of [index, tiedIndex, otherIndex]) await store?.deleteIndex(name);
    await store?.close();
  });

  it("pages through all 12,000 lines past 10,000, each once, newest first, with an exact total", async () => {
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
    const pages = await walk({}, tiedIndex);
    expect(pages.map((p) => p.lines.length)).toEqual([500, 200]);
    expect(new Set(pages.flatMap((p) => p.lines.map((l) => l.id))).size).toBe(700);
  });

  it("counts top values exactly, for the default fields and for a field opened later", async () => {
    const first = await page({ status: ["5xx"] });
    const count = async (term: Record<string, unknown>) =>
      (await store.search({ index, body: { size: 0, track_total_hits: true, query: { bool: { filter: [term, { term: { "http.response.status_code": 500 } }] } } } })).total;
    const services = first.topValues.find((t) => t.field === "service.name")!;
    expect(services.values).toHaveLength(4);
    for (const { value, count: shown } of services.values) expect(shown).toBe(await count({ term: { "service.name": value } }));
    expect(first.topValues.map((t) => t.field)).toEqual(["service.name", "log.level", "http.response.status_code"]);
    expect(first.topValues[2]!.values).toEqual([{ value: "500", count: first.total }]);

    const tags = await getFieldValues(fieldValuesParamsSchema.parse({ ...RANGE, status: ["5xx"], field: "custom.tag" }), createLogContext({ store, settings: settings() }));
    for (const { value, count: shown } of tags.values) expect(shown).toBe(await count({ term: { "custom.tag": value } }));
    expect(tags.values.reduce((sum, v) => sum + v.count, 0) + tags.other).toBe(first.total);
    // Full text is counted through its keyword sub-field.
    const messages = await getFieldValues(fieldValuesParamsSchema.parse({ ...RANGE, q: "handled", field: "message" }), createLogContext({ store, settings: settings() }));
    expect(messages).toMatchObject({ countedField: "message.keyword", other: LINES - 10 });
  });

  it("answers unknown fields with a 400 that names them", async () => {
    await expect(getFieldValues(fieldValuesParamsSchema.parse({ ...RANGE, field: "no.such.field" }), createLogContext({ store, settings: settings() }))).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^unknown field no\.such\.field/),
    });
    await expect(page({ q: "servce.name:users" })).rejects.toMatchObject({ status: 400, fields: { q: expect.stringMatching(/unknown field servce\.name \(column 1\)/) } });
  });

  it("refuses damaged, foreign and expired page links with one clear 400", async () => {
    const first = await page({});
    const second = await page({ cursor: first.paging.nextCursor });
    const cursor = second.paging.nextCursor!;
    const refused = { status: 400, message: CURSOR_MESSAGE };
    await expect(page({ cursor: "garbage" })).rejects.toMatchObject(refused);
    await expect(page({ cursor: cursor.slice(0, -3) })).rejects.toMatchObject(refused);
    await expect(page({ cursor: `${cursor.slice(0, 40)}${cursor[40] === "A" ? "B" : "A"}${cursor.slice(41)}` })).rejects.toMatchObject(refused);
    await expect(page({ cursor, q: "users" })).rejects.toMatchObject(refused);
    expect(logSearchParamsSchema.safeParse({ cursor: "a".repeat(9_000) }).error?.issues[0]?.message).toBe(CURSOR_MESSAGE);

    // A well-formed cursor whose point in time reads an index outside the configured pattern.
    const decoded = decodePageCursor(cursor)!;
    const foreignPit = await store.openPointInTime(otherIndex, "1m");
    await expect(page({ cursor: encodePageCursor({ ...decoded, pit: foreignPit, after: [BASE + 10_000_000, -1] }) })).rejects.toMatchObject(refused);
    await store.closePointInTime(foreignPit);

    await store.closePointInTime(decoded.pit!);
    await expect(page({ cursor })).rejects.toMatchObject(refused);
  });
});
