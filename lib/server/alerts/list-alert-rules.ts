import "server-only";
import { ruleState, ruleStateRank } from "@/lib/alerts/rule-state";
import { MEASURE_UNITS } from "@/lib/schemas/alert-rule";
import type { AlertRuleRow, AlertRulesList, ListAlertRulesParams } from "@/lib/schemas/alert-rule-api";
import { getDb } from "../db";
import { alertRuleFromRow } from "./rule-rows";

function matchesLabel(labels: Record<string, string>, filter: string): boolean {
  const [key, ...rest] = filter.split("=");
  if (rest.length === 0) return key! in labels;
  return labels[key!] === rest.join("=");
}

/** Rules with their state (firing first), series count, worst series' last value and last evaluation, filtered. */
export async function listAlertRules(params: ListAlertRulesParams, now = new Date()): Promise<AlertRulesList> {
  const rows = await getDb().alertRule.findMany({
    where: params.severity ? { severity: params.severity } : undefined,
    include: {
      contactPoints: { select: { contactPointId: true } },
      schedule: { select: { lastEvaluatedAt: true, lastError: true } },
      series: { select: { seriesKey: true, status: true, lastValue: true, lastEvaluatedAt: true } },
      silences: { where: { endsAt: { gt: now }, seriesKey: null }, select: { id: true } },
    },
    orderBy: { name: "asc" },
  });
  let unreadable = 0;
  const rules: AlertRuleRow[] = [];
  for (const row of rows) {
    const parsed = alertRuleFromRow(row);
    if (!parsed) {
      unreadable++;
      continue;
    }
    const { rule } = parsed;
    const state = ruleState({ enabled: rule.enabled, lastError: row.schedule?.lastError }, row.series);
    const worst = [...row.series].sort((a, b) => ruleStateRank(a.status) - ruleStateRank(b.status) || (b.lastValue ?? -Infinity) - (a.lastValue ?? -Infinity))[0];
    rules.push({
      id: parsed.id,
      version: parsed.version,
      name: rule.name,
      severity: rule.severity,
      enabled: rule.enabled,
      labels: rule.labels,
      services: rule.scope.services,
      state,
      seriesCount: row.series.length,
      firingCount: row.series.filter((series) => series.status === "firing").length,
      lastValue: worst?.lastValue ?? null,
      unit: MEASURE_UNITS[rule.measure.kind],
      lastEvaluatedAt: row.schedule?.lastEvaluatedAt?.toISOString() ?? null,
      lastError: row.schedule?.lastError ?? null,
      silenced: row.silences.length > 0,
    });
  }
  const filtered = rules.filter(
    (rule) =>
      (!params.state || rule.state === params.state) &&
      (!params.label || matchesLabel(rule.labels, params.label)) &&
      (!params.service || rule.services.includes(params.service) || rows.find((row) => row.id === rule.id)!.series.some((series) => series.seriesKey === params.service)),
  );
  filtered.sort((a, b) => ruleStateRank(a.state) - ruleStateRank(b.state) || a.name.localeCompare(b.name));
  return { rules: filtered, unreadable };
}
