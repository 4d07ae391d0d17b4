import { z } from "zod";

/**
 * Time bounds as users type them: relative ("now-1h") or absolute (ISO). Resolved on the server.
 * Strict, and so is every query schema extended from it: an unknown parameter is a 400.
 */
export const timeRangeParamsSchema = z
  .object({
    from: z.string().trim().min(1, "from is required").max(64, "from is too long").default("now-1h"),
    to: z.string().trim().min(1, "to is required").max(64, "to is too long").default("now"),
  })
  .strict();

export type TimeRangeParams = z.infer<typeof timeRangeParamsSchema>;
