import { z } from "zod";
import { THEME_PREFERENCES } from "@/lib/theme/theme-preference";

export const updateThemeSchema = z.strictObject({
  theme: z.enum(THEME_PREFERENCES, { error: `theme must be one of ${THEME_PREFERENCES.join(", ")}` }),
});
export type UpdateThemeInput = z.infer<typeof updateThemeSchema>;
