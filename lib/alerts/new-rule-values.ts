import { DEFAULT_SERIES_CAP, type AlertRuleFormValues, type MeasureKind } from "@/lib/schemas/alert-rule";

export interface NewRulePrefill {
  service?: string | null;
  environment?: string | null;
  measure?: MeasureKind | null;
  query?: string | null;
  fingerprint?: string | null;
}

/** Starting values of a new rule; "alert on this" (from the overview) fills in the scope and measure. */
export function newRuleValues(prefill: NewRulePrefill = {}): AlertRuleFormValues {
  const measure = prefill.measure ?? "error_rate";
  const service = prefill.service ?? null;
  return {
    name: service ? `${service}: ${measure === "error_rate" ? "5xx error rate" : measure.replace(/_/g, " ")}` : "",
    description: "",
    runbookUrl: "",
    labels: {},
    severity: "warning",
    enabled: true,
    measure: measure === "latency_percentile" ? { kind: measure, percentile: "p95" } : measure === "query_count" ? { kind: measure, query: prefill.query ?? "" } : measure === "slow_statements" && prefill.fingerprint ? { kind: measure, fingerprint: prefill.fingerprint } : { kind: measure },
    scope: { services: service ? [service] : [], environment: prefill.environment ?? undefined, query: measure === "query_count" ? "" : (prefill.query ?? ""), perService: true, seriesCap: DEFAULT_SERIES_CAP },
    condition: { comparator: "above", threshold: measure === "error_rate" ? 5 : measure === "latency_percentile" ? 1000 : 10, recoveryThreshold: null, windowMinutes: 5, intervalSeconds: 60, pendingSeconds: 0, keepFiringSeconds: 0 },
    flapping: { changes: 4, evaluations: 20 },
    noData: "keep",
    engineError: "alert",
    contactPointIds: [],
  };
}
