import { z } from "zod";

export const healthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  postgres: z.object({ ok: z.boolean(), latencyMs: z.number().optional(), message: z.string().optional() }),
  search: z.object({
    ok: z.boolean(),
    engine: z.enum(["elasticsearch", "opensearch"]).optional(),
    version: z.string().optional(),
    url: z.string().optional(),
    latencyMs: z.number().optional(),
    message: z.string().optional(),
  }),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
