import { z } from "zod";

/** HTTP status classes as every view names them: the explorer's filter, the overview's bars, links between them. */
export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];
export const statusClassSchema = z.enum(STATUS_CLASSES);

/**
 * Each class as a half-open range of statuses. 5xx is open-ended because the error rate counts
 * every status >= 500 (DESIGN.md), so a 5xx filter must find exactly the lines the rate counted.
 */
export const STATUS_CLASS_RANGES: Record<StatusClass, { gte: number; lt?: number }> = {
  "2xx": { gte: 200, lt: 300 },
  "3xx": { gte: 300, lt: 400 },
  "4xx": { gte: 400, lt: 500 },
  "5xx": { gte: 500 },
};
