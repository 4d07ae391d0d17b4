import { z } from "zod";

export const idParamsSchema = z.object({ id: z.string().uuid("not a valid id") });

/** The query of a route that takes none: strict like every query, so an unknown parameter is a 400. */
export const noQueryParamsSchema = z.object({}).strict();
