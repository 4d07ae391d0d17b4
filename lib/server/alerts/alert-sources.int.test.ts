// Per-service rules over the demo's three sources on both real engines: the PostgreSQL log has
// service names but no HTTP status, so an error-rate rule must not grow a "postgresql" series
// that sits in "no data" for ever (and puts the whole rule there); the worker's measurement and
// the backtest agree on the series.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SOURCE_MAPPINGS, DEMO_SOURCE_NAMES, type DemoSourceName } from "@/lib/demo/demo-sources";
import { DEMO_SERVICES } from "@/lib/demo/services";
import { alertRuleInputSchema } from "@/lib/schemas/alert-rule";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { createLogContext, type LogContext } from "../logs/log-context";
import { backtestRule } from "./backtest-rule";
import { measureRules } from "./measure-rules";

const MIN = 60_000;
const ANCHOR = Math.floor(Date.now() / MIN) * MIN;
const HTTP_SERVICES = [...DEMO_SERVICES].sort();

const perService = (measure: { kind: "error_rate" } | { kind: "latency_percentile"; percentile: "p99" } | { kind: "error_lines" }) =>
  alertRuleInputSchema.parse({ name: measure.kind, severity: "warning", measure, scope: { perService: true }, condition: { comparator: "above", threshold: 5, windowMinutes: 60, intervalSeconds: 60 } });

describe.each(TEST_ENGINES)("per-service rules over the demo's three sources on $name", (engine) => {
  const indices = Object.fromEntries(DEMO_SOURCE_NAMES.map((name) => [name, uniqueTestIndex(`alert-src-${name}`)])) as Record<DemoSourceName, string>;
  let store: LogStore;
  let context: LogContext;

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    await seedDemoLogs(store, { index: indices.app, sources: indices, seed: 77, anchor: ANCHOR, targetLines: 4_000 });
    const sources = DEMO_SOURCE_NAMES.map((name) => ({ name, indexPattern: indices[name], mapping: DEMO_SOURCE_MAPPINGS[name] }));
    context = createLogContext({ store, sources, now: new Date(ANCHOR + 1_000) });
  }, 120_000);

  afterAll(async () => {
    for (const index of Object.values(indices)) await store?.deleteIndex(index);
    await store?.close();
  });

  async function workerSeries(rule: ReturnType<typeof perService>): Promise<string[]> {
    const { readings } = await measureRules([{ id: "r", measure: rule.measure, scope: rule.scope, windowMinutes: rule.condition.windowMinutes }], context, new Date(ANCHOR));
    return [...readings.get("r")!.series.keys()].sort();
  }

  it("an error-rate rule has a series per service that serves requests, none for the PostgreSQL log", async () => {
    const rule = perService({ kind: "error_rate" });
    expect(await workerSeries(rule)).toEqual(HTTP_SERVICES);
    const backtest = await backtestRule(rule, context, { range: "24h" });
    expect(backtest.series.map((series) => series.seriesKey).sort()).toEqual(HTTP_SERVICES);
    expect(backtest.series.every((series) => series.points.at(-1)!.status !== "nodata")).toBe(true);
  });

  it("rules that PostgreSQL's lines can answer keep its series", async () => {
    // Its statements carry a duration; its lines count for error_lines (no ERROR line is 0, not no data).
    expect(await workerSeries(perService({ kind: "latency_percentile", percentile: "p99" }))).toContain("postgresql");
    expect(await workerSeries(perService({ kind: "error_lines" }))).toContain("postgresql");
  });
});
