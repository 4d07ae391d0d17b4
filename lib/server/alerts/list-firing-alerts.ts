import "server-only";
import { MEASURE_UNITS, type MeasureKind } from "@/lib/schemas/alert-rule";
import type { FiringAlerts } from "@/lib/schemas/alert-rule-api";
import { getDb } from "../db";

const LIMIT = 50;

/** Series firing now (then pending), worst severity first, for the overview's panel. Reads Postgres only. */
export async function listFiringAlerts(): Promise<FiringAlerts> {
  const rows = await getDb().alertSeries.findMany({
    where: { status: { in: ["firing", "pending"] }, rule: { enabled: true } },
    include: { rule: { select: { id: true, name: true, severity: true, measure: true } } },
    orderBy: [{ status: "asc" }, { since: "asc" }],
    take: LIMIT,
  });
  const severityRank = { critical: 0, warning: 1, info: 2 } as const;
  const alerts = rows.map((row) => ({
    ruleId: row.rule.id,
    ruleName: row.rule.name,
    severity: row.rule.severity,
    seriesKey: row.seriesKey,
    status: row.status,
    lastValue: row.lastValue,
    unit: MEASURE_UNITS[(row.rule.measure as { kind: MeasureKind }).kind] ?? "",
    since: row.since.toISOString(),
    flapping: row.flapping,
  }));
  alerts.sort((a, b) => Number(a.status !== "firing") - Number(b.status !== "firing") || severityRank[a.severity] - severityRank[b.severity] || a.since.localeCompare(b.since));
  return { alerts };
}
