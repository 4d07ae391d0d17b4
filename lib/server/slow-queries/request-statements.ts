import "server-only";
import { readField } from "@/lib/requests/read-log-fields";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import type { LogLine } from "@/lib/schemas/log-search";
import type { RequestDrilldownResponse } from "@/lib/schemas/request-drilldown";
import { fingerprintStatement, loadSqlParser } from "@/lib/sql/fingerprint";
import { parseServerLogLine } from "@/lib/sql/postgres-log-line";
import { slowStatementFields } from "@/lib/sql/slow-statement-fields";

/**
 * A request's statements by fingerprint, so the drilldown links each to its slow-query page. The
 * same run logged by the app and by PostgreSQL counts once per source; the page shows the busier one.
 */
export async function requestStatements(lines: readonly LogLine[], mappingOf: (sourceName: string | undefined) => FieldMapping): Promise<RequestDrilldownResponse["statements"]> {
  const found = lines.flatMap((line) => {
    const mapping = mappingOf(line.sourceName);
    const fields = slowStatementFields(mapping);
    const raw = readField(line.source, fields.statement);
    if (typeof raw !== "string" || raw === "") return [];
    if (fields.format === "server-log") {
      const parsed = parseServerLogLine(raw);
      return parsed && (parsed.kind === "statement" || parsed.kind === "execute") ? [{ line, statement: parsed.statement, ms: parsed.durationMs }] : [];
    }
    const duration = Number(readField(line.source, fields.duration));
    return [{ line, statement: raw, ms: Number.isFinite(duration) ? duration / fields.perMs : 0 }];
  });
  if (found.length === 0) return [];
  await loadSqlParser();
  const bySource = new Map<string, Map<string, RequestDrilldownResponse["statements"][number]>>();
  for (const { line, statement, ms } of found) {
    const print = fingerprintStatement(statement);
    const groups = bySource.get(line.sourceName ?? "") ?? new Map();
    bySource.set(line.sourceName ?? "", groups);
    const group = groups.get(print.fingerprint) ?? { fingerprint: print.fingerprint, statement: print.normalized, runs: 0, totalMs: 0, services: [] };
    group.runs += 1;
    group.totalMs += ms;
    if (line.service && !group.services.includes(line.service)) group.services.push(line.service);
    groups.set(print.fingerprint, group);
  }
  const merged = new Map<string, RequestDrilldownResponse["statements"][number]>();
  for (const groups of bySource.values()) for (const group of groups.values()) if ((merged.get(group.fingerprint)?.runs ?? -1) < group.runs) merged.set(group.fingerprint, group);
  return [...merged.values()].sort((a, b) => b.totalMs - a.totalMs);
}
