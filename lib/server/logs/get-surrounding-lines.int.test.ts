import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { surroundingLinesParamsSchema } from "@/lib/schemas/surrounding-lines";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore, SearchHit } from "../log-store/types";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { getSurroundingLines } from "./get-surrounding-lines";
import { createLogContext } from "@/lib/server/logs/log-context";

const SECRETS = [/Bearer eyJ/, /eyJhbGciOi/, /api_key=tk_live_\w+/];

describe.each(TEST_ENGINES)("surrounding lines on $name", (engine) => {
  const index = uniqueTestIndex("surround");
  let store: LogStore;
  /** Every orders line, in the order the feature must use: time, then index order. */
  let ordersLines: SearchHit[];
  const settings = () => ({ indexPattern: index, mapping: ECS_FIELD_MAPPING });
  const surrounding = (input: Record<string, unknown>) => getSurroundingLines(surroundingLinesParamsSchema.parse(input), createLogContext({ store, settings: settings() }));

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    await seedDemoLogs(store, { index, seed: 31, anchor: Date.now(), targetLines: 3000 });
    // Five orders lines sharing one millisecond: the tie-break must split them around the anchor.
    const tied = Array.from({ length: 5 }, (_, i) => ({ "@timestamp": "2020-01-01T00:00:00.000Z", service: { name: "orders" }, log: { level: "INFO" }, message: `tied ${i}` }));
    await store.bulkIndex(index, tied, { refresh: true });
    // The direct query this feature is checked against (a single-shard index, so _doc is unique).
    const all = await store.search({ index, body: { size: 10_000, query: { term: { "service.name": "orders" } }, sort: [{ "@timestamp": "asc" }, { _doc: "asc" }] } });
    ordersLines = all.hits;
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("returns exactly the nearest lines of the same service before and after, oldest first, anchor marked", async () => {
    expect(ordersLines.length).toBeGreaterThan(200);
    const at = Math.floor(ordersLines.length / 2);
    const anchor = ordersLines[at]!;
    const result = await surrounding({ id: anchor._id, before: 25, after: 30 });
    expect(result.service).toBe("orders");
    expect(result.lines.map((line) => line.id)).toEqual(ordersLines.slice(at - 25, at + 31).map((hit) => hit._id));
    expect(result.lines.filter((line) => line.anchor).map((line) => line.id)).toEqual([anchor._id]);
    expect(result.lines[25]).toMatchObject({ id: anchor._id, anchor: true, service: "orders" });
    expect(result).toMatchObject({ anchorId: anchor._id, before: 25, after: 30 });
    expect(new Set(result.lines.map((line) => line.service))).toEqual(new Set(["orders"]));
    const times = result.lines.map((line) => Date.parse(line.timestamp!));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("splits lines with the anchor's exact timestamp deterministically, never repeating the anchor", async () => {
    const tied = ordersLines.filter((hit) => hit._source["@timestamp"] === "2020-01-01T00:00:00.000Z");
    expect(tied).toHaveLength(5);
    const result = await surrounding({ id: tied[2]!._id, before: 3, after: 3 });
    // The tied lines are the oldest orders lines: two before the anchor, two after it, then the demo's first line.
    expect(result.lines.map((line) => line.id)).toEqual([...tied.map((hit) => hit._id), ordersLines[5]!._id]);
    expect(result).toMatchObject({ before: 2, after: 3 });
  });

  it("stops at the ends of the service's lines", async () => {
    const last = ordersLines.at(-1)!;
    const result = await surrounding({ id: last._id, before: 2, after: 10 });
    expect(result.lines.map((line) => line.id)).toEqual(ordersLines.slice(-3).map((hit) => hit._id));
    expect(result.after).toBe(0);
  });

  it("redacts the neighbours like every other line", async () => {
    const raw = await store.search({ index, body: { size: 1, query: { exists: { field: "http.request.headers.authorization" } } } });
    const secretLine = raw.hits[0]!;
    expect(JSON.stringify(secretLine._source)).toMatch(/Bearer eyJ/);
    const result = await surrounding({ id: secretLine._id, before: 20, after: 20 });
    const text = JSON.stringify(result.lines);
    for (const pattern of SECRETS) expect(text).not.toMatch(pattern);
    expect(result.redactions).toBeGreaterThan(0);
  });

  it("answers an unknown id with a 404", async () => {
    await expect(surrounding({ id: "no-such-line" })).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/No log line with id no-such-line/) });
  });

  it("has no parameter that names an index", () => {
    for (const key of ["index", "service", "timestamp"]) expect(surroundingLinesParamsSchema.safeParse({ id: "x", [key]: "y" }).success, key).toBe(false);
  });
});
