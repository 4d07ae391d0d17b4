import { z } from "zod";
import { timeRangeParamsSchema } from "./time-range";

const serviceName = z.string().trim().min(1).max(128).regex(/^[\w.\-:/]+$/, "service names use letters, digits and . - _ : /");

/** The error-rate chart's query. Strict like every query: an unknown parameter is a 400. */
export const errorRateParamsSchema = timeRangeParamsSchema
  .extend({
    service: z.array(serviceName).max(50, "at most 50 services").default([]),
  })
  .strict();

export type ErrorRateParams = z.infer<typeof errorRateParamsSchema>;

export const errorRatePointSchema = z.object({
  /** Bucket start, epoch ms. */
  time: z.number(),
  service: z.string(),
  requests: z.number(),
  serverErrors: z.number(),
  /** serverErrors / requests, or null when the bucket has no requests (a gap, not a zero). */
  errorRate: z.number().nullable(),
});

export const errorRateResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  intervalMs: z.number(),
  interval: z.string(),
  services: z.array(z.string()),
  points: z.array(errorRatePointSchema),
  totals: z.array(z.object({ service: z.string(), requests: z.number(), serverErrors: z.number(), errorRate: z.number().nullable() })),
  notices: z.array(z.string()),
});

export type ErrorRatePoint = z.infer<typeof errorRatePointSchema>;
export type ErrorRateResponse = z.infer<typeof errorRateResponseSchema>;
