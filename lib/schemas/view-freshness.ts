import { z } from "zod";

const count = z.number().int().nonnegative();

/**
 * How an incremental view was answered: which edges were moved to the bucket grid (the view's
 * `from`/`to` are the edges used), up to when buckets were taken as closed and could come from
 * the cache, and when the top lists (which do not add up from buckets) were counted, over which
 * window. Null top lists: the view has none.
 */
export const viewFreshnessSchema = z.object({
  aligned: z.object({ from: z.boolean(), to: z.boolean() }),
  settledUntil: z.string(),
  buckets: z.object({ cached: count, queried: count }),
  topLists: z.object({ asOf: z.string(), from: z.string(), to: z.string(), everySeconds: z.number() }).nullable(),
});

export type ViewFreshness = z.infer<typeof viewFreshnessSchema>;
