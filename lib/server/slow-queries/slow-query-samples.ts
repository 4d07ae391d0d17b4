import "server-only";
import { readField, timeText } from "@/lib/requests/read-log-fields";
import type { SlowQuerySample } from "@/lib/schemas/slow-queries";
import type { ServerLogRun } from "@/lib/sql/postgres-log-line";
import { slowStatementFields } from "@/lib/sql/slow-statement-fields";
import { readSqlCommenter } from "@/lib/sql/sqlcommenter";
import type { ReadSource } from "../logs/log-context";
import type { RedactedSearchHit } from "../logs/redacting-log-store";

/** The request a statement belongs to: its sqlcommenter request_id or trace id, else the line's own correlation fields. */
export function correlationIdOf(statement: string, fields: readonly unknown[]): string | null {
  const tags = readSqlCommenter(statement);
  const fromComment = tags?.tags.request_id ?? tags?.traceId;
  if (fromComment) return fromComment;
  const own = fields.find((value) => (typeof value === "string" && value !== "") || typeof value === "number");
  return own === undefined ? null : String(own);
}

export function sampleFromHit(hit: RedactedSearchHit, source: ReadSource, perMs: number): SlowQuerySample {
  const { mapping } = source;
  const fields = slowStatementFields(mapping);
  const statement = String(readField(hit._source, fields.statement) ?? "");
  const service = readField(hit._source, mapping.service);
  return {
    id: hit._id,
    source: source.name,
    timestamp: timeText(readField(hit._source, mapping.timestamp)),
    durationMs: Number(readField(hit._source, fields.duration) ?? 0) / perMs,
    statement,
    service: typeof service === "string" ? service : null,
    correlationId: correlationIdOf(statement, mapping.correlationIds.map((field) => readField(hit._source, field))),
  };
}

export function sampleFromRun(run: ServerLogRun & { service: string | null }, sourceName: string): SlowQuerySample {
  return {
    id: run.id,
    source: sourceName,
    timestamp: new Date(run.timestamp).toISOString(),
    durationMs: run.durationMs,
    statement: run.statement,
    service: run.service,
    correlationId: correlationIdOf(run.statement, []),
    ...(run.parameters ? { parameters: run.parameters } : {}),
  };
}
