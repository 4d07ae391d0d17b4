import { z } from "zod";

/** The one shape of every API error (CONVENTIONS.md): the server writes it, the client fetchers read it. */
export const ERROR_CODES = ["bad_request", "unprocessable", "unauthorized", "forbidden", "not_found", "conflict", "rate_limited", "unavailable", "internal"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path -> what is wrong with it, for forms to show next to the field. */
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
