import "server-only";
import { buildErrorRateQuery } from "@/lib/logs/build-error-rate-query";
import { shapeErrorRate } from "@/lib/logs/shape-error-rate";
import type { ErrorRateParams, ErrorRateResponse } from "@/lib/schemas/error-rate";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import { resolveViewRange, type LogContext } from "../logs/log-context";

/** 5xx error rate per service over a range: one engine round trip, counted by aggregations. */
export async function getErrorRate(params: ErrorRateParams, context: LogContext): Promise<ErrorRateResponse> {
  const { from, to } = resolveViewRange(params, context);
  const interval = chooseBucketInterval(to.getTime() - from.getTime());
  const body = buildErrorRateQuery({ from, to, intervalLabel: interval.label, services: params.service, mapping: context.settings.mapping });
  // msearch even for one search: the overview's panels join this same round trip.
  const [result] = await context.store.msearch([{ index: context.settings.indexPattern, body }], { signal: context.signal });
  const shaped = shapeErrorRate(result?.aggregations);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    intervalMs: interval.ms,
    interval: interval.label,
    ...shaped,
    notices: [...context.notices],
  };
}
