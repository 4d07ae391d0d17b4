import type { FieldMapping } from "@/lib/schemas/field-mapping";
import type { RequestTimeline, SlowestHop, TimelineLane, TimelineMark, TimelineSpan } from "@/lib/schemas/request-drilldown";
import { durationToMs, findEntryLine, lineStart, readTimedLines, type LogLine, type RequestLogInput } from "./read-log-fields";

export type { RequestTimeline, SlowestHop };

type TimedLine = LogLine & { time: number };

const LABEL_MAX = 200;

/**
 * The drilldown timeline of one request's lines (any order; sorted here by time, then input order).
 * Conventions:
 * - a line with duration D logged at T covers [T - D, T] (the demo and most loggers log on completion);
 * - wall time runs from the earliest line start to the latest line end;
 * - a service's time is the sum of its request lines' durations (lines with a status), as in the
 *   demo's ground truth; the database's is the sum over lines with an SQL statement and a duration.
 */
export function buildRequestTimeline(inputs: readonly RequestLogInput[], mapping: FieldMapping): RequestTimeline {
  const { timed, untimed } = readTimedLines(inputs, mapping);
  const spans = buildSpanTree(timed);
  const spanById = new Map(spans.map((span) => [span.spanId, span]));
  const lanes = buildLanes(timed, spanById);

  let startMs: number | null = null;
  let endMs: number | null = null;
  for (const line of timed) {
    const start = lineStart(line);
    if (startMs === null || start < startMs) startMs = start;
    if (endMs === null || line.time > endMs) endMs = line.time;
  }
  const wallMs = startMs === null || endMs === null ? 0 : endMs - startMs;

  const selfMs = selfTimeByService(timed);
  const timeShares = lanes.map(({ service }) => {
    // Summed in the field's own unit and converted once, so the sum is exact.
    const raw = timed.filter((l) => l.service === service && l.isRequest).reduce((sum, l) => sum + (l.rawDuration ?? 0), 0);
    const durationMs = durationToMs(raw, mapping.durationUnit);
    return { service, durationMs, selfMs: selfMs.get(service) ?? 0, share: shareOf(durationMs, wallMs) };
  });

  const statements = timed.filter((l) => l.sql !== null && l.rawDuration !== null);
  const databaseMs = durationToMs(
    statements.reduce((sum, l) => sum + (l.rawDuration ?? 0), 0),
    mapping.durationUnit,
  );

  const entryLine = findEntryLine(timed);
  return {
    lanes,
    spans,
    startMs,
    endMs,
    wallMs,
    lineCount: inputs.length,
    untimedLineCount: untimed.length,
    timeShares,
    database: { durationMs: databaseMs, statementCount: statements.length, share: shareOf(databaseMs, wallMs) },
    slowestHop: pickSlowestHop(timeShares, wallMs),
    entry: entryLine
      ? { lineId: entryLine.id, service: entryLine.service, method: entryLine.method, path: entryLine.path, status: entryLine.status, durationMs: entryLine.durationMs }
      : null,
  };
}

function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Spans from span.id / parent.id, depth-first; a parent outside the request makes a root. */
function buildSpanTree(lines: readonly TimedLine[]): TimelineSpan[] {
  const byId = new Map<string, { span: Omit<TimelineSpan, "depth">; first: number }>();
  for (const line of lines) {
    if (line.spanId === null) continue;
    const existing = byId.get(line.spanId);
    if (!existing) {
      byId.set(line.spanId, { span: { spanId: line.spanId, parentId: line.parentId, service: line.service, start: lineStart(line), end: line.time }, first: byId.size });
      continue;
    }
    existing.span.start = Math.min(existing.span.start, lineStart(line));
    existing.span.end = Math.max(existing.span.end, line.time);
    existing.span.parentId ??= line.parentId;
  }
  const children = new Map<string | null, string[]>();
  for (const [id, { span }] of byId) {
    const parent = span.parentId !== null && span.parentId !== id && byId.has(span.parentId) ? span.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(id);
    children.set(parent, list);
  }
  const ordered: TimelineSpan[] = [];
  const visited = new Set<string>();
  const visit = (id: string, depth: number) => {
    const node = byId.get(id);
    if (!node || visited.has(id)) return;
    visited.add(id);
    ordered.push({ ...node.span, depth });
    for (const child of children.get(id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Spans caught in a parent cycle never reach a root: show them as roots rather than drop them.
  for (const id of byId.keys()) visit(id, 0);
  return ordered;
}

function buildLanes(lines: readonly TimedLine[], spanById: ReadonlyMap<string, TimelineSpan>): TimelineLane[] {
  const lanes = new Map<string, TimelineLane>();
  const placed = new Set<string>();
  for (const line of lines) {
    let lane = lanes.get(line.service);
    if (!lane) {
      lane = { service: line.service, depth: 0, parentService: null, firstSeen: line.time, errorCount: 0, marks: [] };
      lanes.set(line.service, lane);
    }
    // A lane sits at the depth of the service's first span.
    if (line.spanId !== null && !placed.has(line.service)) {
      placed.add(line.service);
      const span = spanById.get(line.spanId);
      const parent = span?.parentId ? spanById.get(span.parentId) : undefined;
      lane.depth = span?.depth ?? 0;
      lane.parentService = parent && span && span.depth > 0 ? parent.service : null;
    }
    if (line.isError) lane.errorCount += 1;
    lane.marks.push(toMark(line));
  }
  return [...lanes.values()];
}

function toMark(line: TimedLine): TimelineMark {
  const kind = line.isRequest ? "request" : line.sql !== null ? "sql" : "log";
  const mark: TimelineMark = { lineId: line.id, time: line.time, level: line.level, isError: line.isError, kind, spanId: line.spanId, label: labelOf(line, kind) };
  if (line.durationMs !== null) {
    mark.durationMs = line.durationMs;
    mark.start = line.time - line.durationMs;
    mark.end = line.time;
  }
  return mark;
}

function labelOf(line: TimedLine, kind: TimelineMark["kind"]): string {
  let label = line.message?.trim();
  if (!label && kind === "request") label = [line.method, line.path, line.status].filter((part) => part !== null).join(" ");
  if (!label && kind === "sql") label = line.sql ?? "";
  if (!label) label = line.error?.message ?? line.level ?? "log line";
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
}

/**
 * A service's own time: each of its request intervals minus the part covered by shorter request
 * intervals of other services inside it (its downstream calls). Works with or without span ids.
 */
function selfTimeByService(lines: readonly TimedLine[]): Map<string, number> {
  const intervals = lines
    .filter((l) => l.isRequest && l.durationMs !== null && l.durationMs > 0)
    .map((l) => ({ service: l.service, start: l.time - (l.durationMs ?? 0), end: l.time }));
  const self = new Map<string, number>();
  for (const outer of intervals) {
    const length = outer.end - outer.start;
    const inner = intervals
      .filter((o) => o.service !== outer.service && o.end - o.start < length && o.end > outer.start && o.start < outer.end)
      .map((o) => [Math.max(o.start, outer.start), Math.min(o.end, outer.end)] as const)
      .sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let reach = -Infinity;
    for (const [start, end] of inner) {
      const from = Math.max(start, reach);
      if (end > from) covered += end - from;
      reach = Math.max(reach, end);
    }
    self.set(outer.service, (self.get(outer.service) ?? 0) + Math.max(0, length - covered));
  }
  // Epoch-millisecond arithmetic leaves float noise below the microsecond.
  for (const [service, ms] of self) self.set(service, Math.round(ms * 1000) / 1000);
  return self;
}

/** The hop where the time went: the service with the most own time (first seen wins a tie). */
function pickSlowestHop(shares: RequestTimeline["timeShares"], wallMs: number): SlowestHop | null {
  let best: RequestTimeline["timeShares"][number] | null = null;
  for (const share of shares) if (share.selfMs > 0 && (!best || share.selfMs > best.selfMs)) best = share;
  if (!best) return null;
  return { service: best.service, durationMs: best.durationMs, selfMs: best.selfMs, wallMs, share: best.share };
}

/** "payments: 2.0 s of 2.3 s, 87%". */
export function describeSlowestHop(hop: SlowestHop): string {
  return `${hop.service}: ${formatDurationMs(hop.durationMs)} of ${formatDurationMs(hop.wallMs)}, ${Math.round(hop.share * 100)}%`;
}

/** "0.4 ms", "38 ms", "2.0 s", "125 s". */
export function formatDurationMs(ms: number): string {
  if (ms < 9.95) return `${ms.toFixed(1)} ms`;
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  if (ms < 99_950) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 1000)} s`;
}
