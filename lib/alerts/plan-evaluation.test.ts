import { beforeAll, describe, expect, it } from "vitest";
import { fingerprintStatement, loadSqlParser } from "@/lib/sql/fingerprint";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { alertScopeSchema, type AlertMeasure } from "@/lib/schemas/alert-rule";
import { measureValue, readComponents, type MeasureSource } from "./measure-aggregations";
import { SLOW_STATEMENTS_SERVER_LOG } from "./slow-statement-measure";
import { MAX_BODIES_PER_REQUEST, MAX_BUCKETS_PER_BODY, planEvaluation, readEvaluation, type RuleMeasurement } from "./plan-evaluation";

const source: MeasureSource = { name: "app", indexPattern: "logs-*", mapping: ECS_FIELD_MAPPING };
const pino: MeasureSource = { name: "pino", indexPattern: "pino-*", mapping: { ...ECS_FIELD_MAPPING, service: "name", levelScheme: "pino", durationUnit: "ms" } };
const serverLog: MeasureSource = { name: "postgres", indexPattern: "pg-*", mapping: { ...ECS_FIELD_MAPPING, statementFormat: "server-log", sqlStatement: "message" } };
const AT = new Date("2026-12-01T12:00:00Z");

const MEASURES: AlertMeasure[] = [{ kind: "error_rate" }, { kind: "error_lines" }, { kind: "latency_percentile", percentile: "p95" }, { kind: "query_count", query: "message:timeout" }];
function rules(count: number, overrides: Partial<RuleMeasurement> = {}): RuleMeasurement[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `rule-${i}`,
    measure: MEASURES[i % MEASURES.length]!,
    scope: alertScopeSchema.parse({ perService: i % 2 === 0, services: i % 3 === 0 ? ["users"] : [] }),
    windowMinutes: [1, 5, 15, 60][i % 4]!,
    ...overrides,
  }));
}

describe("planEvaluation", () => {
  it("sends 1,000 rules of mixed kinds in at most 10 _msearch requests, aggregations only", () => {
    const plan = planEvaluation(rules(1000), [source], AT);
    expect(plan.requests.length).toBeLessThanOrEqual(10);
    expect(plan.requests.every((request) => request.length <= MAX_BODIES_PER_REQUEST)).toBe(true);
    expect(plan.bodies.every((planned) => planned.body.size === 0)).toBe(true);
    // Every rule is in exactly one body per source.
    expect(plan.bodies.flatMap((planned) => planned.rules.map((r) => r.ruleId)).sort()).toEqual(rules(1000).map((r) => r.id).sort());
  });

  it("stays within 10 requests for 1,000 Lucene rules over three sources", () => {
    const lucene = rules(1000, { measure: { kind: "query_count", query: "message:x" } }).map((r, i) => ({ ...r, windowMinutes: 1 + (i % 1440) }));
    const plan = planEvaluation(lucene, [source, pino, { ...source, name: "third" }], AT);
    expect(plan.bodies).toHaveLength(3000);
    expect(plan.requests).toHaveLength(10);
  });

  it("packs rules without a query of their own into shared bodies, and gives each Lucene rule its own", () => {
    const plain = rules(40, { measure: { kind: "error_rate" } });
    const withQuery = rules(3, { measure: { kind: "query_count", query: "x" } }).map((r, i) => ({ ...r, id: `q-${i}` }));
    const plan = planEvaluation([...plain, ...withQuery], [source], AT);
    expect(plan.bodies).toHaveLength(4);
    expect(plan.bodies.filter((b) => b.rules.length === 1).map((b) => b.rules[0]!.ruleId).sort()).toEqual(["q-0", "q-1", "q-2"]);
  });

  it("bounds the buckets per body by the series cap", () => {
    const wide = rules(20, { scope: alertScopeSchema.parse({ perService: true, seriesCap: 1000 }), measure: { kind: "error_lines" } }).map((r, i) => ({ ...r, windowMinutes: i + 1 }));
    const plan = planEvaluation(wide, [source], AT);
    expect(plan.bodies.length).toBeGreaterThan(2);
    const agg = (plan.bodies[0]!.body.aggs as Record<string, { aggs: { s: { terms: { size: number } } } }>).r0!;
    expect(agg.aggs.s.terms.size).toBe(1000);
  });

  it("builds each rule's window, scope and measure with the source's own field names", () => {
    const [rule] = rules(1, { measure: { kind: "error_lines" }, scope: alertScopeSchema.parse({ perService: true, services: ["users"], environment: "prod" }), windowMinutes: 5 });
    const plan = planEvaluation([rule!], [pino], AT);
    const agg = (plan.bodies[0]!.body.aggs as Record<string, unknown>).r0 as { filter: { bool: { filter: unknown[] } }; aggs: { s: { terms: { field: string }; aggs: { m: { filter: unknown } } } } };
    expect(agg.filter.bool.filter[0]).toEqual({ range: { "@timestamp": { gte: AT.getTime() - 5 * 60_000, lt: AT.getTime(), format: "epoch_millis" } } });
    expect(agg.filter.bool.filter).toContainEqual({ terms: { name: ["users"] } });
    expect(agg.filter.bool.filter).toContainEqual({ term: { "service.environment": "prod" } });
    expect(agg.aggs.s.terms.field).toBe("name");
    expect(agg.aggs.s.aggs.m.filter).toEqual({ range: { "log.level": { gte: 50 } } });
  });

  it("measures once for rules that differ only in threshold or name", () => {
    const base = rules(1, { measure: { kind: "error_rate" }, scope: alertScopeSchema.parse({ perService: true, services: ["users", "orders"] }) })[0]!;
    const tiers = [base, { ...base, id: "critical" }, { ...base, id: "reordered", scope: { ...base.scope, services: ["orders", "users"] } }, { ...base, id: "other-window", windowMinutes: 15 }];
    const plan = planEvaluation(tiers, [source], AT);
    expect(Object.keys(plan.bodies[0]!.body.aggs as object)).toHaveLength(2);
    expect(plan.bodies[0]!.rules.map((r) => `${r.ruleId}:${r.agg}`).sort()).toEqual(["critical:r0", "other-window:r1", "reordered:r0", "rule-0:r0"]);
    const answers = [{ aggregations: { r0: { s: { buckets: [{ key: "users", doc_count: 4, req: { doc_count: 4, err: { doc_count: 1 } } }] } }, r1: { s: { buckets: [] } } } }];
    const readings = readEvaluation(plan, tiers, answers);
    expect(measureValue(base.measure, readings.get("critical")!.series.get("users")!)).toBe(25);
    expect(readings.get("other-window")!.series.size).toBe(0);
  });

  it("counts slow statements in shared bodies, gives a per-fingerprint count a body of its own, and leaves server-log sources out", () => {
    const all: RuleMeasurement = { id: "slow-all", measure: { kind: "slow_statements", thresholdMs: 500 }, scope: alertScopeSchema.parse({}), windowMinutes: 5 };
    const one: RuleMeasurement = { id: "slow-one", measure: { kind: "slow_statements", fingerprint: "abc", thresholdMs: 250 }, scope: alertScopeSchema.parse({ perService: true, seriesCap: 100 }), windowMinutes: 5 };
    const errors = rules(1)[0]!;
    const plan = planEvaluation([all, one, errors], [source, serverLog], AT);
    // The app source: errors + slow-all share a body, slow-one alone; the server-log source only measures the error rate.
    expect(plan.bodies.map((b) => `${b.source.name}:${b.rules.map((r) => r.ruleId).sort().join(",")}`)).toEqual(["app:slow-one", "app:rule-0,slow-all", "postgres:rule-0"]);
    const shared = plan.bodies[1]!.body.aggs as Record<string, { aggs: Record<string, unknown> }>;
    const slowAgg = Object.values(shared).find((agg) => "m" in agg.aggs)!.aggs.m as { filter: { bool: { filter: unknown[] } }; aggs?: unknown };
    expect(slowAgg.filter.bool.filter).toContainEqual({ range: { "event.duration": { gte: 500e6 } } });
    expect(slowAgg.aggs).toBeUndefined();
    const own = (plan.bodies[0]!.body.aggs as { r0: { aggs: { s: { aggs: { m: { aggs: { st: { terms: { size: number } } } } } } } } }).r0.aggs.s.aggs.m.aggs.st;
    // 100 series × 200 statements stay within the body's bucket budget.
    expect(own.terms.size).toBe(MAX_BUCKETS_PER_BODY / 100);
    expect(plan.unmeasurable.size).toBe(0);
  });

  it("a slow_statements rule over server-log sources only is in error with the reason", () => {
    const rule: RuleMeasurement = { id: "slow", measure: { kind: "slow_statements" }, scope: alertScopeSchema.parse({}), windowMinutes: 5 };
    const plan = planEvaluation([rule], [serverLog], AT);
    expect(plan.bodies).toHaveLength(0);
    expect(readEvaluation(plan, [rule], []).get("slow")!.error).toBe(SLOW_STATEMENTS_SERVER_LOG);
  });
});

describe("slow_statements readings", () => {
  beforeAll(() => loadSqlParser());
  const sql = (userId: number, status: string) => `SELECT * FROM orders WHERE user_id = ${userId} AND status = '${status}'`;

  it("adds up only the statements of the rule's fingerprint, per service, over sources", () => {
    const fingerprint = fingerprintStatement(sql(1, "paid")).fingerprint;
    const rule: RuleMeasurement = { id: "r", measure: { kind: "slow_statements", fingerprint, thresholdMs: 500 }, scope: alertScopeSchema.parse({ perService: true }), windowMinutes: 5 };
    const plan = planEvaluation([rule], [source, pino], AT);
    const terms = (buckets: Array<[string, number]>) => ({ doc_count: 99, m: { doc_count: 50, st: { buckets: buckets.map(([key, doc_count]) => ({ key, doc_count })) } } });
    const answers = [
      { aggregations: { r0: { s: { buckets: [{ key: "orders", ...terms([[sql(1, "paid"), 3], [sql(2, "open"), 4], ["SELECT 1", 40]]) }] } } } },
      { aggregations: { r0: { s: { buckets: [{ key: "orders", ...terms([[sql(9, "void"), 2]]) }, { key: "users", ...terms([["SELECT 2", 7]]) }] } } } },
    ];
    const reading = readEvaluation(plan, [rule], answers).get("r")!;
    expect(measureValue(rule.measure, reading.series.get("orders")!)).toBe(9);
    expect(measureValue(rule.measure, reading.series.get("users")!)).toBe(0);
    // Without a fingerprint the slow filter's own count is the value.
    const every: AlertMeasure = { kind: "slow_statements" };
    expect(measureValue(every, readComponents({ doc_count: 10, m: { doc_count: 4 } }, every, source))).toBe(4);
    expect(measureValue(every, readComponents({ doc_count: 0, m: { doc_count: 0 } }, every, source))).toBeNull();
  });
});

describe("readEvaluation", () => {
  const rule: RuleMeasurement = { id: "r", measure: { kind: "error_rate" }, scope: alertScopeSchema.parse({ perService: true, seriesCap: 2 }), windowMinutes: 5 };
  const bucket = (key: string, docs: number, requests: number, errors: number) => ({ key, doc_count: docs, req: { doc_count: requests, err: { doc_count: errors } } });

  it("adds sources up per service, computes the rate in percent, and notes the cap", () => {
    const plan = planEvaluation([rule], [source, pino], AT);
    const answers = [
      { aggregations: { r0: { doc_count: 30, s: { sum_other_doc_count: 4, buckets: [bucket("users", 20, 10, 5), bucket("orders", 6, 4, 0)] } } } },
      { aggregations: { r0: { doc_count: 10, s: { sum_other_doc_count: 0, buckets: [bucket("users", 10, 10, 0)] } } } },
    ];
    const reading = readEvaluation(plan, [rule], answers).get("r")!;
    expect(reading.capped).toBe(true);
    expect(reading.error).toBeNull();
    expect(measureValue(rule.measure, reading.series.get("users")!)).toBe(25);
    expect(measureValue(rule.measure, reading.series.get("orders")!)).toBe(0);
  });

  it("an error on every source is the rule's error; on one source the others still count", () => {
    const plan = planEvaluation([rule], [source, pino], AT);
    const failed = readEvaluation(plan, [rule], [{ error: new Error("bad query") }, { error: new Error("bad too") }]).get("r")!;
    expect(failed.error).toBe("bad query");
    const partial = readEvaluation(plan, [rule], [{ error: new Error("gone") }, { aggregations: { r0: { s: { buckets: [bucket("users", 2, 2, 1)] } } } }]).get("r")!;
    expect(partial.error).toBeNull();
    expect(measureValue(rule.measure, partial.series.get("users")!)).toBe(50);
  });

  it("reads percentiles in milliseconds from nanosecond durations, and no requests as no data", () => {
    const p95: AlertMeasure = { kind: "latency_percentile", percentile: "p95" };
    expect(measureValue(p95, readComponents({ doc_count: 3, lat: { values: [{ key: 95, value: 2_500_000 }] } }, p95, source))).toBe(2.5);
    expect(measureValue(p95, readComponents({ doc_count: 0, lat: { values: [{ key: 95, value: null }] } }, p95, source))).toBeNull();
    expect(measureValue({ kind: "error_rate" }, readComponents({ doc_count: 5, req: { doc_count: 0 } }, { kind: "error_rate" }, source))).toBeNull();
    expect(measureValue({ kind: "error_lines" }, readComponents({ doc_count: 5, m: { doc_count: 0 } }, { kind: "error_lines" }, source))).toBe(0);
  });
});
