import "server-only";
import { buildErrorRateQuery } from "@/lib/logs/build-error-rate-query";
import { shapeErrorRate } from "@/lib/logs/shape-error-rate";
import type { ErrorRateParams, ErrorRateResponse } from "@/lib/schemas/error-rate";
import type { LogSettings } from "@/lib/schemas/log-settings";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import { resolveTimeRange } from "@/lib/time/resolve-time-range";
import { badRequest } from "../errors";
import { getLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { getLogSettings } from "../settings/get-log-settings";

export interface GetErrorRateDeps {
  store: LogStore;
  settings: LogSettings;
  now?: Date;
  signal?: AbortSignal;
  notices?: string[];
}

/** 5xx error rate per service over a range: one engine round trip, counted by aggregations. */
export async function queryErrorRate(params: ErrorRateParams, deps: GetErrorRateDeps): Promise<ErrorRateResponse> {
  const resolved = resolveTimeRange(params.from, params.to, deps.now ?? new Date());
  if (!resolved.ok) throw badRequest(resolved.message, { [resolved.field]: resolved.message });
  const { from, to } = resolved.range;
  const interval = chooseBucketInterval(to.getTime() - from.getTime());
  const body = buildErrorRateQuery({ from, to, intervalLabel: interval.label, services: params.service, mapping: deps.settings.mapping });
  // msearch even for one search: the overview's panels join this same round trip.
  const [result] = await deps.store.msearch([{ index: deps.settings.indexPattern, body }], { signal: deps.signal });
  const shaped = shapeErrorRate(result?.aggregations);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    intervalMs: interval.ms,
    interval: interval.label,
    ...shaped,
    notices: deps.notices ?? [],
  };
}

/** The route's verb: the configured store and settings, then queryErrorRate. */
export async function getErrorRate(params: ErrorRateParams, options: { signal?: AbortSignal } = {}): Promise<ErrorRateResponse> {
  const { settings, notice } = await getLogSettings();
  const store = await getLogStore();
  return queryErrorRate(params, { store, settings, signal: options.signal, notices: notice ? [notice] : [] });
}
