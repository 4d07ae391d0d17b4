import type { FieldMapping } from "@/lib/logs/field-mapping";
import { DEFAULT_REDACTION_RULES, redactDocument, type RedactionRule } from "@/lib/logs/redact";
import { shapeLogLine } from "@/lib/logs/shape-log-line";
import type { LogLine } from "@/lib/schemas/log-search";
import type { CurlCommand, FirstError, RequestTimeline } from "@/lib/schemas/request-drilldown";
import { buildCurlCommand } from "./build-curl-command";
import { buildRequestTimeline } from "./build-request-timeline";
import { describeCorrelationIdProblem } from "./correlation-id";
import { findFirstError } from "./find-first-error";
import { readString, type RequestLogInput } from "./read-log-fields";

export interface RequestHit {
  _id: string;
  _index: string;
  _source: Record<string, unknown>;
}

export interface ShapedRequestLines {
  logLines: LogLine[];
  /** The redacted sources, as the pure core reads them. */
  inputs: RequestLogInput[];
  redactions: number;
  timeline: RequestTimeline;
  firstError: FirstError | null;
  curl: CurlCommand | null;
}

/**
 * One request's hits as the drilldown shows them. Every source is redacted FIRST: the timeline,
 * the first error and the curl command are built from redacted lines only, so no secret can
 * reach the browser through any of them.
 */
export function shapeRequestLines(
  hits: readonly RequestHit[],
  options: { id: string; mapping: FieldMapping; rules: readonly RedactionRule[]; defaultOrigin?: string },
): ShapedRequestLines {
  const { mapping, rules } = options;
  let redactions = 0;
  const logLines: LogLine[] = hits.map((hit) => {
    const { value, redactedCount } = redactDocument(hit._source, rules);
    redactions += redactedCount;
    return shapeLogLine(hit, value, mapping);
  });
  const inputs = logLines.map((line) => ({ id: line.id, source: line.source }));
  const timeline = buildRequestTimeline(inputs, mapping);
  const entry = timeline.entry ? logLines.find((line) => line.id === timeline.entry?.lineId) : undefined;
  let curl: CurlCommand | null = null;
  if (entry) {
    // Opened by a trace id, the curl still carries the request's own X-Request-ID (the first correlation field).
    const own = readString(entry.source, mapping.correlationIds[0] ?? "")?.trim();
    const requestId = own && describeCorrelationIdProblem(own) === null ? own : options.id;
    // With redaction switched off the lines are shown as logged, but a copied command still never carries credentials.
    const curlRules = rules.length > 0 ? rules : DEFAULT_REDACTION_RULES;
    curl = buildCurlCommand(entry.source, { requestId, mapping, rules: curlRules, defaultOrigin: options.defaultOrigin });
  }
  return { logLines, inputs, redactions, timeline, firstError: findFirstError(inputs, mapping), curl };
}
