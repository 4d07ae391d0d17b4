import "server-only";
import type { RedactionRule } from "@/lib/logs/redact";
import type { LogSettings } from "@/lib/schemas/log-settings";
import { resolveTimeRange, type TimeRange } from "@/lib/time/resolve-time-range";
import { getEnv } from "../env";
import { badRequest } from "../errors";
import { getLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { getLogSettings } from "../settings/get-log-settings";
import { activeRedactionRules } from "./redaction-rules";

/**
 * Everything a log verb needs, built once per request or per background job: the store, the
 * settings, the redaction rules in force, what the user must be told about them, and the clock.
 * Verbs take it instead of assembling their own, so a route, the alert worker and a preview run
 * the very same query with the very same redaction.
 */
export interface LogContext {
  readonly store: LogStore;
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
  /** Who is looking, set by routes from the actor: paging holds one point in time per viewer, exports are bounded per viewer. */
  readonly viewer?: { readonly id: string };
}

export type LogContextParts = Pick<LogContext, "store" | "settings"> & Partial<Omit<LogContext, "store" | "settings">>;

/** A context from explicit parts (tests, the benchmark, jobs that already hold a store); redaction defaults to the configured rules. */
export function createLogContext(parts: LogContextParts): LogContext {
  return { rules: activeRedactionRules(), notices: [], now: new Date(), ...parts };
}

/** The configured context: stored settings (or defaults, with a notice), the process-wide store, LOGS_* and REDACTION_*. */
export async function loadLogContext(options: { signal?: AbortSignal; now?: Date; viewer?: { id: string } } = {}): Promise<LogContext> {
  const [{ settings, notice }, store] = await Promise.all([getLogSettings(), getLogStore()]);
  return createLogContext({ store, settings, notices: notice ? [notice] : [], curlOrigin: getEnv().CURL_ORIGIN, ...options });
}

/** A view's from/to against the context's clock; a bad or reversed range is a 400 on the field at fault. */
export function resolveViewRange(params: { from: string; to: string }, context: Pick<LogContext, "now">): TimeRange {
  const resolved = resolveTimeRange(params.from, params.to, context.now);
  if (!resolved.ok) throw badRequest(resolved.message, { [resolved.field]: resolved.message });
  return resolved.range;
}
