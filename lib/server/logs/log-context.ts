import "server-only";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import type { RedactionRule } from "@/lib/logs/redact";
import { DEFAULT_SOURCE_NAME } from "@/lib/schemas/log-source";
import type { LogSettings } from "@/lib/schemas/log-settings";
import { resolveTimeRange, type TimeRange } from "@/lib/time/resolve-time-range";
import { getEnv } from "../env";
import { ApiError, badRequest } from "../errors";
import { getLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { listReadableSources } from "../sources/list-log-sources";
import { redactingLogStore, type RedactingLogStore } from "./redacting-log-store";
import { activeRedactionRules } from "./redaction-rules";
import { getViewCache, noViewCache, type ViewCache } from "./view-cache";

/**
 * Everything a log verb needs, built once per request or per background job: the store, the
 * settings, the redaction rules in force, what the user must be told about them, and the clock.
 * Verbs take it instead of assembling their own, so a route, the alert worker and a preview run
 * the very same query with the very same redaction.
 */
/** One log source as a view reads it: its name (what views and links call it) and how its fields are named. */
export type ReadSource = LogSettings & { readonly name: string };

export interface LogContext {
  /** Answers come back redacted under `rules` (hits and aggregation keys alike); verbs never see raw log content. */
  readonly store: RedactingLogStore;
  /**
   * The sources this view reads: every enabled one, or those the view's source filter names.
   * Multi-source views send one search per source in the same _msearch and add the answers up.
   */
  readonly sources: readonly ReadSource[];
  /** The first of `sources`: what a one-source view (the explorer, surrounding lines, export) reads. */
  readonly settings: LogSettings;
  readonly rules: readonly RedactionRule[];
  /** Said on every view built from this context, e.g. "defaults in use" when Postgres is down. */
  readonly notices: readonly string[];
  /** The instant relative times ("now-15m") resolve against. */
  readonly now: Date;
  /** Aborts engine calls when the browser goes away; absent for background jobs. */
  readonly signal?: AbortSignal;
  /** Origin the request drilldown's curl uses when a line names no host (CURL_ORIGIN). */
  readonly curlOrigin?: string;
  /** Statements at or over this are slow (SLOW_QUERY_THRESHOLD_MS); absent: 500 ms. */
  readonly slowQueryThresholdMs?: number;
  /** Who is looking, set by routes from the actor: paging holds one point in time per viewer, exports are bounded per viewer. */
  readonly viewer?: { readonly id: string };
  /**
   * Closed buckets, top lists and in-flight requests shared across this instance's views
   * (search-incremental.ts). Configured contexts get the instance's; explicit ones get none
   * unless they pass one, so a test or a job sees every engine call it causes.
   */
  readonly viewCache: ViewCache;
}

type Optional = Partial<Omit<LogContext, "store" | "settings" | "sources">>;
/** Either one source's settings (named "default") or the sources themselves. */
export type LogContextParts = { store: LogStore } & Optional & ({ settings: LogSettings; sources?: undefined } | { sources: readonly ReadSource[]; settings?: undefined });

/** A context from explicit parts (tests, the benchmark, jobs that already hold a store); redaction defaults to the configured rules. */
export function createLogContext(parts: LogContextParts): LogContext {
  const sources = parts.sources ?? [{ name: DEFAULT_SOURCE_NAME, ...parts.settings }];
  // With no source to read, one-source views still need settings; they check `sources` and say so.
  const settings = sources[0] ?? { indexPattern: "", mapping: parts.settings?.mapping ?? ECS_FIELD_MAPPING };
  const rules = parts.rules ?? activeRedactionRules();
  return { notices: [], now: new Date(), ...parts, viewCache: parts.viewCache ?? noViewCache(), sources, settings, rules, store: redactingLogStore(parts.store, rules) };
}

export interface LoadLogContextOptions {
  signal?: AbortSignal;
  now?: Date;
  viewer?: { id: string };
  /** The view's source filter (names from the URL); empty or absent reads every enabled source. */
  sources?: readonly string[];
}

/** The configured context: the enabled sources (or the default, with a notice), the process-wide store, LOGS_* and REDACTION_*. */
export async function loadLogContext(options: LoadLogContextOptions = {}): Promise<LogContext> {
  const { sources: wanted = [], ...rest } = options;
  return buildConfigured(rest, (readable) => pickSources(readable, wanted));
}

/**
 * For one-source views (the explorer, its export, fields and surrounding lines): exactly one
 * source, the one named or else the first enabled, since sources sort by different time fields
 * and cannot be paged as one exact table.
 */
export async function loadOneSourceContext(options: Omit<LoadLogContextOptions, "sources"> & { source?: string }): Promise<LogContext> {
  const { source, ...rest } = options;
  return buildConfigured(rest, (readable) => pickOneSource(readable, source));
}

type SourcePicker = (readable: readonly ReadSource[]) => { sources: ReadSource[]; notices: string[] };

async function buildConfigured(options: Omit<LoadLogContextOptions, "sources">, pick: SourcePicker): Promise<LogContext> {
  const [readable, store] = await Promise.all([listReadableSources(), getLogStore()]);
  const { sources, notices } = pick(readable.sources);
  return createLogContext({ store, sources, notices: [...readable.notices, ...notices], curlOrigin: getEnv().CURL_ORIGIN, slowQueryThresholdMs: getEnv().SLOW_QUERY_THRESHOLD_MS, viewCache: getViewCache(), ...options });
}

/** The named sources, with a notice for each name that is gone (deleted, renamed or disabled) so an old link explains itself. */
export function pickSources(readable: readonly ReadSource[], wanted: readonly string[]): { sources: ReadSource[]; notices: string[] } {
  if (wanted.length === 0) return { sources: [...readable], notices: [] };
  const byName = new Map(readable.map((source) => [source.name, source]));
  const missing = wanted.filter((name) => !byName.has(name));
  const sources = [...new Set(wanted)].flatMap((name) => byName.get(name) ?? []);
  const notices = missing.map((name) => `The source ${name} is not read any more (it was disabled, renamed or deleted in Settings), so this view leaves it out.`);
  return { sources, notices };
}

/** The source a one-source view reads; with every source disabled there is none, and the view says what to do. */
export function soleSourceOrThrow(context: LogContext): LogSettings {
  if (context.sources.length === 0) throw new ApiError(409, "conflict", "Every log source is disabled: an admin can enable one in Settings.");
  return context.settings;
}

/** The name of the source a one-source view reads. */
export const sourceNameOf = (context: LogContext): string => context.sources[0]?.name ?? DEFAULT_SOURCE_NAME;

/** The named source, else the first enabled one (saying so when the named one is gone). */
export function pickOneSource(readable: readonly ReadSource[], wanted: string | undefined): { sources: ReadSource[]; notices: string[] } {
  const named = wanted === undefined ? undefined : readable.find((source) => source.name === wanted);
  if (named) return { sources: [named], notices: [] };
  const first = readable[0];
  if (wanted === undefined || !first) return { sources: first ? [first] : [], notices: [] };
  return { sources: [first], notices: [`The source ${wanted} is not read any more (it was disabled, renamed or deleted in Settings); showing ${first.name} instead.`] };
}

/** A view's from/to against the context's clock; a bad or reversed range is a 400 on the field at fault. */
export function resolveViewRange(params: { from: string; to: string }, context: Pick<LogContext, "now">): TimeRange {
  const resolved = resolveTimeRange(params.from, params.to, context.now);
  if (!resolved.ok) throw badRequest(resolved.message, { [resolved.field]: resolved.message });
  return resolved.range;
}
