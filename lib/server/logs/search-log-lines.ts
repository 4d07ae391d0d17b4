import "server-only";
import { buildLogSearchQuery } from "@/lib/logs/build-log-search-query";
import { checkQuerySyntax } from "@/lib/logs/check-query-syntax";
import { redactDocument } from "@/lib/logs/redact";
import { readField } from "@/lib/requests/read-log-fields";
import type { LogSearchParams, LogSearchResponse } from "@/lib/schemas/log-search";
import type { LogSettings } from "@/lib/schemas/log-settings";
import { resolveTimeRange } from "@/lib/time/resolve-time-range";
import { badRequest } from "../errors";
import { getLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { getLogSettings } from "../settings/get-log-settings";
import { activeRedactionRules } from "./redaction-rules";

const asText = (value: unknown) => (value === undefined || value === null ? null : String(value));

/** One page of log lines, newest first by default, with secrets redacted before they leave the server. */
export async function queryLogLines(params: LogSearchParams, deps: { store: LogStore; settings: LogSettings; signal?: AbortSignal; now?: Date; notices?: string[] }): Promise<LogSearchResponse> {
  const resolved = resolveTimeRange(params.from, params.to, deps.now ?? new Date());
  if (!resolved.ok) throw badRequest(resolved.message, { [resolved.field]: resolved.message });
  const { from, to } = resolved.range;
  const syntax = checkQuerySyntax(params.q);
  if (!syntax.ok) throw badRequest(`Query syntax: ${syntax.message}`, { q: syntax.message });
  const { mapping, indexPattern } = deps.settings;
  const result = await deps.store.search({ index: indexPattern, body: buildLogSearchQuery({ params, from, to, mapping }) }, { signal: deps.signal });
  const rules = activeRedactionRules();
  let redactions = 0;
  const lines = result.hits.map((hit) => {
    const { value, redactedCount } = redactDocument(hit._source, rules);
    redactions += redactedCount;
    return {
      id: hit._id,
      index: hit._index,
      timestamp: asText(readField(value, mapping.timestamp)),
      service: asText(readField(value, mapping.service)),
      level: asText(readField(value, mapping.level)),
      message: asText(readField(value, mapping.message)),
      source: value,
    };
  });
  return { from: from.toISOString(), to: to.toISOString(), total: result.total, totalRelation: result.totalRelation ?? "eq", lines, redactions, mapping, notices: deps.notices ?? [] };
}

export async function searchLogLines(params: LogSearchParams, options: { signal?: AbortSignal } = {}): Promise<LogSearchResponse> {
  const { settings, notice } = await getLogSettings();
  return queryLogLines(params, { store: await getLogStore(), settings, signal: options.signal, notices: notice ? [notice] : [] });
}
