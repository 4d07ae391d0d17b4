import { beforeAll, describe, expect, it } from "vitest";
import { fingerprintStatement, loadSqlParser } from "@/lib/sql/fingerprint";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { alertRuleInputSchema, type AlertRuleFormValues } from "@/lib/schemas/alert-rule";
import { planBacktest, replayBacktest } from "./backtest";
import { BACKTEST_STATEMENT_TERMS, planStatementLookup, readStatementLookup } from "./backtest-slow-statements";
import type { MeasureSource } from "./measure-aggregations";

const source: MeasureSource = { name: "app", indexPattern: "logs-*", mapping: ECS_FIELD_MAPPING };
const MIN = 60_000;
const NOW = new Date(Date.UTC(2026, 11, 1, 12, 0, 30));
const rule = (values: Partial<AlertRuleFormValues> = {}) =>
  alertRuleInputSchema.parse({ name: "r", severity: "warning", measure: { kind: "error_lines" }, condition: { comparator: "above", threshold: 5, windowMinutes: 2, intervalSeconds: 60 }, ...values });

describe("planBacktest", () => {
  it("replays every interval over 24 hours, ending at the last slot, with buckets that tile each window", () => {
    const plan = planBacktest(rule(), [source], NOW, "24h");
    expect(plan.stepMs).toBe(MIN);
    expect(plan.slots).toHaveLength(1440);
    expect(plan.slots.at(-1)).toBe(Date.UTC(2026, 11, 1, 12, 0));
    expect(plan.bucketMs).toBe(MIN);
    expect(plan.notices).toEqual([]);
  });

  it("widens the step by whole intervals for 7 days, and says so", () => {
    const plan = planBacktest(rule(), [source], NOW, "7d");
    expect(plan.stepMs % MIN).toBe(0);
    expect(plan.slots.length).toBeLessThanOrEqual(1500);
    expect(plan.notices[0]).toMatch(/Replayed every 420 s/);
  });

  it("asks for each window itself for percentiles", () => {
    const plan = planBacktest(rule({ measure: { kind: "latency_percentile", percentile: "p99" } }), [source], NOW, "24h");
    expect(plan.bucketMs).toBeNull();
    const ranges = (plan.bodies[0]!.body.aggs as { t: { date_range: { ranges: Array<{ from: number; to: number }> } } }).t.date_range.ranges;
    expect(ranges).toHaveLength(plan.slots.length);
    expect(ranges[0]!.to - ranges[0]!.from).toBe(2 * MIN);
  });
});

describe("replayBacktest", () => {
  it("sums buckets per window and steps the state machine: spans, fired and flap counts", () => {
    const r = rule({ condition: { comparator: "above", threshold: 6.5, windowMinutes: 2, intervalSeconds: 60, pendingSeconds: 60 } });
    const plan = planBacktest(r, [source], NOW, "24h");
    const last = plan.slots.at(-1)!;
    // Error lines per minute: 3 in each of the last ten minutes but minutes -6 and -5 with 4 each,
    // so the two-minute windows ending at -5, -4, -3 hold 7, 8, 7 and the others 6 or less.
    const buckets = [];
    for (let start = last - 10 * MIN; start < last; start += MIN) {
      const errors = start === last - 6 * MIN || start === last - 5 * MIN ? 4 : 3;
      buckets.push({ key: start, doc_count: 10, m: { doc_count: errors } });
    }
    const result = replayBacktest(r, plan, [{ t: { buckets } }]);
    const series = result.series[0]!;
    expect(series.seriesKey).toBe("*");
    const valueAt = (t: number) => series.points.find((p) => p.at === new Date(t).toISOString())?.value;
    expect(valueAt(last - 5 * MIN)).toBe(7);
    expect(valueAt(last - 4 * MIN)).toBe(8);
    // Breaching from -5, pending for its one minute, firing at -4 and -3, clear at -2.
    const iso = (t: number) => new Date(t).toISOString();
    expect(series.spans).toEqual([
      { status: "pending", from: iso(last - 5 * MIN), to: iso(last - 4 * MIN) },
      { status: "firing", from: iso(last - 4 * MIN), to: iso(last - 2 * MIN) },
    ]);
    expect(series.firedCount).toBe(1);
    expect(result.firedCount).toBe(1);
    expect(result.threshold).toBe(6.5);
    expect(result.unit).toBe("lines");
  });

  it("per service, a service without lines in a window is no data there, as in the worker", () => {
    const r = rule({ scope: { perService: true }, condition: { comparator: "above", threshold: 0, windowMinutes: 1, intervalSeconds: 60 } });
    const plan = planBacktest(r, [source], NOW, "24h");
    const last = plan.slots.at(-1)!;
    const users = { key: "users", t: { buckets: [{ key: last - 2 * MIN, doc_count: 5, m: { doc_count: 1 } }] } };
    const result = replayBacktest(r, plan, [{ s: { sum_other_doc_count: 0, buckets: [users] } }]);
    const series = result.series.find((s) => s.seriesKey === "users")!;
    expect(series.points.map((p) => p.status)).toEqual(["firing", "nodata", "nodata"].slice(0, series.points.length));
    expect(series.firedCount).toBe(1);
  });
});

describe("backtest of a per-fingerprint slow_statements rule", () => {
  beforeAll(() => loadSqlParser());
  const orders = (userId: number) => `SELECT * FROM orders WHERE user_id = ${userId}`;
  const serverLog: MeasureSource = { name: "pg", indexPattern: "pg-*", mapping: { ...ECS_FIELD_MAPPING, statementFormat: "server-log", sqlStatement: "message" } };

  it("looks the fingerprint's statements up over the whole range, then counts exactly those per bucket; server-log sources are left out", () => {
    const fingerprint = fingerprintStatement(orders(1)).fingerprint;
    const r = rule({ measure: { kind: "slow_statements", fingerprint, thresholdMs: 500 } });
    const draft = planBacktest(r, [source, serverLog], NOW, "24h");
    expect(draft.bodies.map((b) => b.source.name)).toEqual(["app"]);
    const lookup = planStatementLookup(r, draft);
    expect((lookup[0]!.body.aggs as { st: { terms: { size: number } } }).st.terms.size).toBe(BACKTEST_STATEMENT_TERMS);
    const { statements, notices } = readStatementLookup(r, lookup, [{ st: { sum_other_doc_count: 3, buckets: [{ key: orders(1) }, { key: "SELECT 1" }, { key: orders(2) }] } }]);
    expect(statements.get("app")).toEqual([orders(1), orders(2)]);
    expect(notices[0]).toMatch(/only the 5000 most frequent/);
    const plan = planBacktest(r, [source, serverLog], NOW, "24h", { statements });
    const m = (plan.bodies[0]!.body.aggs as { t: { aggs: { m: { filter: { bool: { filter: unknown[] } }; aggs?: unknown } } } }).t.aggs.m;
    expect(m.filter.bool.filter).toContainEqual({ terms: { "db.statement.keyword": [orders(1), orders(2)] } });
    expect(m.aggs).toBeUndefined();
    const last = plan.slots.at(-1)!;
    const result = replayBacktest(r, plan, [{ t: { buckets: [{ key: last - 2 * MIN, doc_count: 9, m: { doc_count: 4 } }, { key: last - MIN, doc_count: 9, m: { doc_count: 3 } }] } }]);
    expect(result.unit).toBe("statements");
    expect(result.series[0]!.points.at(-1)!.value).toBe(7);
  });
});
