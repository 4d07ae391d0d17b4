import { z } from "zod";
import { fieldMappingSchema } from "@/lib/schemas/field-mapping";
import { describeCorrelationIdProblem } from "@/lib/requests/correlation-id";
import { logLineSchema } from "./log-search";

/** An X-Request-ID, trace id or other correlation value: trimmed, 1–256 characters, no control characters. */
export const correlationIdSchema = z
  .string({ error: "Request ID must be text." })
  .trim()
  .superRefine((id, ctx) => {
    const problem = describeCorrelationIdProblem(id);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const REQUEST_DRILLDOWN_WINDOWS = ["1h", "24h", "7d"] as const;

/**
 * What the page that linked here knew about the request (the line the user clicked): its user and
 * endpoint. With them (and `around`) the related-requests searches join the lines search in one
 * `_msearch`; the verb checks them against the request's own lines and corrects them if they disagree.
 */
const requestHintsShape = {
  user: z.string().trim().min(1, "user must not be empty").max(256, "user is at most 256 characters").optional(),
  method: z.string().trim().regex(/^[A-Za-z]{1,16}$/, "method must be an HTTP method such as GET").optional(),
  path: z.string().trim().min(1, "path must not be empty").max(2048, "path is at most 2,048 characters").optional(),
};

const requestQueryShape = {
  /** When the user saw the request (the log line they came from); the search window is centred on it. */
  around: z.iso.datetime({ offset: true, error: "around must be an ISO date-time such as 2025-06-01T12:00:00Z." }).optional(),
  window: z.enum(REQUEST_DRILLDOWN_WINDOWS, { error: "window must be 1h, 24h or 7d." }).optional(),
  ...requestHintsShape,
};

/** The drilldown's query string (the id comes from the path). Strict: an unknown parameter is a 400. */
export const requestDrilldownQuerySchema = z.object(requestQueryShape).strict();

/** The `[id]` path segment. */
export const requestIdParamsSchema = z.object({ id: correlationIdSchema });

export const requestDrilldownParamsSchema = z.object({ id: correlationIdSchema, ...requestQueryShape }).strict();

export type RequestDrilldownQuery = z.infer<typeof requestDrilldownQuerySchema>;
export type RequestDrilldownParams = z.infer<typeof requestDrilldownParamsSchema>;
export type RequestDrilldownWindow = (typeof REQUEST_DRILLDOWN_WINDOWS)[number];

/** Times are epoch milliseconds; durations milliseconds. */
export const timelineMarkSchema = z.object({
  lineId: z.string(),
  time: z.number(),
  level: z.string().nullable(),
  /** Level ERROR/FATAL or status >= 500. */
  isError: z.boolean(),
  kind: z.enum(["request", "sql", "log"]),
  spanId: z.string().nullable(),
  /** Present when the line carries a duration: the bar covers [start, end] = [time - duration, time]. */
  durationMs: z.number().optional(),
  start: z.number().optional(),
  end: z.number().optional(),
  label: z.string(),
});

export const timelineLaneSchema = z.object({
  service: z.string(),
  /** Depth of the service's first span in the span tree; 0 for roots and lines without spans. */
  depth: z.number().int(),
  /** Service of the parent span of this lane's first span, when known. */
  parentService: z.string().nullable(),
  firstSeen: z.number(),
  errorCount: z.number().int(),
  marks: z.array(timelineMarkSchema),
});

export const timelineSpanSchema = z.object({
  spanId: z.string(),
  parentId: z.string().nullable(),
  service: z.string(),
  depth: z.number().int(),
  start: z.number(),
  end: z.number(),
});

export const serviceTimeShareSchema = z.object({
  service: z.string(),
  /** Sum of the durations of the service's request lines (lines with a status). */
  durationMs: z.number(),
  /** durationMs minus the time covered by shorter request lines of other services nested in it. */
  selfMs: z.number(),
  /** durationMs / wall time; above 1 when a service handled overlapping calls. */
  share: z.number(),
});

export const databaseTimeShareSchema = z.object({
  durationMs: z.number(),
  statementCount: z.number().int(),
  share: z.number(),
});

export const slowestHopSchema = z.object({
  service: z.string(),
  durationMs: z.number(),
  selfMs: z.number(),
  wallMs: z.number(),
  share: z.number(),
});

export const httpHopSchema = z.object({
  lineId: z.string(),
  service: z.string(),
  method: z.string().nullable(),
  path: z.string().nullable(),
  status: z.number().nullable(),
  durationMs: z.number().nullable(),
});

export const requestTimelineSchema = z.object({
  lanes: z.array(timelineLaneSchema),
  /** Depth-first order, children by first appearance. */
  spans: z.array(timelineSpanSchema),
  startMs: z.number().nullable(),
  endMs: z.number().nullable(),
  wallMs: z.number(),
  lineCount: z.number().int(),
  /** Lines without a readable timestamp: counted, not drawn. */
  untimedLineCount: z.number().int(),
  timeShares: z.array(serviceTimeShareSchema),
  database: databaseTimeShareSchema,
  slowestHop: slowestHopSchema.nullable(),
  entry: httpHopSchema.nullable(),
});

export const stackFrameSchema = z.object({
  raw: z.string(),
  function: z.string().nullable(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  isAppFrame: z.boolean(),
  /** 0 for the thrown error, then 1, 2… for each "Caused by:" (or chained Python traceback). */
  section: z.number().int(),
  /** Python prints the source line under each frame. */
  source: z.string().optional(),
});

export const parsedStackTraceSchema = z.object({
  format: z.enum(["node", "java", "python", "unknown"]),
  /** Lines before the first frame: the error type and message (Python: "Traceback …"). */
  header: z.array(z.string()),
  frames: z.array(stackFrameSchema),
  /** Non-frame lines after the first frame: "Caused by: …", "... 12 more", Python's final exception line. */
  trailer: z.array(z.string()),
  truncated: z.boolean(),
});

export const firstErrorSchema = z.object({
  lineId: z.string(),
  service: z.string(),
  time: z.number(),
  level: z.string().nullable(),
  type: z.string().nullable(),
  message: z.string(),
  stack: z.string().nullable(),
  trace: parsedStackTraceSchema.nullable(),
  /** False when the request never failed and this is the first error-carrying warning (e.g. an expired token). */
  isFailure: z.boolean(),
  hop: httpHopSchema.nullable(),
});

export const curlCommandSchema = z.object({
  command: z.string(),
  method: z.string(),
  url: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  /** Names only, never values: headers and query parameters left out because they may hold secrets. */
  omittedHeaders: z.array(z.string()),
  omittedQueryParams: z.array(z.string()),
  notes: z.array(z.string()),
});

export const relatedRequestSchema = z.object({
  id: z.string(),
  lines: z.number().int(),
  firstSeen: z.number().nullable(),
  worstStatus: z.number().nullable(),
});

export const relatedRequestsSchema = z.object({
  /** The user whose other requests were searched (±10 minutes); null when the lines name none. */
  user: z.string().nullable(),
  /** The endpoint whose other failed requests (status >= 500) were searched in the window. */
  endpoint: z.object({ method: z.string(), path: z.string() }).nullable(),
  sameUser: z.array(relatedRequestSchema),
  sameEndpointFailures: z.array(relatedRequestSchema),
});

export const requestDrilldownResponseSchema = z.object({
  id: z.string(),
  timeline: requestTimelineSchema,
  firstError: firstErrorSchema.nullable(),
  curl: curlCommandSchema.nullable(),
  /** Lines that matched (exact). */
  lines: z.number().int(),
  /** More lines matched than the engine returned (the cap is 2,000). */
  truncated: z.boolean(),
  windowFrom: z.string(),
  windowTo: z.string(),
  /** The window searched: ± this much around `around`, or this much back from now when opened cold. */
  window: z.enum(REQUEST_DRILLDOWN_WINDOWS),
  around: z.string().nullable(),
  searchedFields: z.array(z.string()),
  related: relatedRequestsSchema,
  /** The request's lines in time order for the table, secrets redacted. */
  logLines: z.array(logLineSchema),
  redactions: z.number().int(),
  /** The field mapping of the first source; `mappings` has each source's, by the lines' `sourceName`. */
  mapping: fieldMappingSchema,
  mappings: z.record(z.string(), fieldMappingSchema),
  /** The request's SQL statements by fingerprint, each linking to its slow-query page. */
  statements: z.array(z.object({ fingerprint: z.string(), statement: z.string(), runs: z.number().int(), totalMs: z.number(), services: z.array(z.string()) })).default([]),
  notices: z.array(z.string()),
});

export type TimelineMark = z.infer<typeof timelineMarkSchema>;
export type TimelineLane = z.infer<typeof timelineLaneSchema>;
export type TimelineSpan = z.infer<typeof timelineSpanSchema>;
export type ServiceTimeShare = z.infer<typeof serviceTimeShareSchema>;
export type DatabaseTimeShare = z.infer<typeof databaseTimeShareSchema>;
export type SlowestHop = z.infer<typeof slowestHopSchema>;
export type HttpHop = z.infer<typeof httpHopSchema>;
export type RequestTimeline = z.infer<typeof requestTimelineSchema>;
export type StackFrame = z.infer<typeof stackFrameSchema>;
export type ParsedStackTrace = z.infer<typeof parsedStackTraceSchema>;
export type FirstError = z.infer<typeof firstErrorSchema>;
export type CurlCommand = z.infer<typeof curlCommandSchema>;
export type RelatedRequest = z.infer<typeof relatedRequestSchema>;
export type RelatedRequests = z.infer<typeof relatedRequestsSchema>;
export type RequestDrilldownResponse = z.infer<typeof requestDrilldownResponseSchema>;
