import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { DEFAULT_REDACTION_RULES, type RedactionRule } from "@/lib/logs/redact";
import { shapeLogLine } from "@/lib/logs/shape-log-line";
import type { LogLine } from "@/lib/schemas/log-search";
import type { CurlCommand, FirstError, RequestTimeline } from "@/lib/schemas/request-drilldown";
import { buildCurlCommand } from "./build-curl-command";
import { buildRequestTimeline } from "./build-request-timeline";
import { toCanonicalLine } from "./canonical-line";
import { describeCorrelationIdProblem } from "./correlation-id";
import { findFirstError } from "./find-first-error";
import { readString, type RequestLogInput } from "./read-log-fields";

/** A hit as a LogContext's store answers it: source redacted, with the number of secrets taken out. */
export interface RequestHit {
  _id: string;
  _index: string;
  _source: Record<string, unknown>;
  redactions: number;
}

/** A hit with the source it came from: its mapping names its fields. */
export interface SourcedHit {
  hit: RequestHit;
  mapping: FieldMapping;
  sourceName?: string;
}

export interface ShapedRequestLines {
  logLines: LogLine[];
  /** The redacted lines with ECS names added (toCanonicalLine), as the pure core reads them with ECS_FIELD_MAPPING. */
  inputs: RequestLogInput[];
  redactions: number;
  timeline: RequestTimeline;
  firstError: FirstError | null;
  curl: CurlCommand | null;
}

/**
 * One request's hits, from any number of sources, as the drilldown shows them. The hits are
 * redacted already (RequestHit carries its count): the timeline, the first error and the curl
 * command are built from redacted lines only, so no secret can reach the browser through any of them. The table shows each line
 * as logged; the core reads them with ECS names added, so differently shaped sources form one
 * timeline.
 */
export function shapeRequestLines(hits: readonly SourcedHit[], options: { id: string; rules: readonly RedactionRule[]; defaultOrigin?: string }): ShapedRequestLines {
  const { rules } = options;
  const mapping = ECS_FIELD_MAPPING;
  let redactions = 0;
  const inputs: RequestLogInput[] = [];
  const logLines: LogLine[] = hits.map(({ hit, mapping: own, sourceName }) => {
    const value = hit._source;
    redactions += hit.redactions;
    inputs.push({ id: hit._id, source: toCanonicalLine(value, own) });
    const line = shapeLogLine(hit, value, own);
    return sourceName === undefined ? line : { ...line, sourceName };
  });
  const timeline = buildRequestTimeline(inputs, mapping);
  const entry = timeline.entry ? inputs.find((line) => line.id === timeline.entry?.lineId) : undefined;
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
