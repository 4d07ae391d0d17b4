import "server-only";
import type { Actor } from "@/lib/schemas/auth";
import type { ThemePreference } from "@/lib/theme/theme-preference";
import { getDb } from "../db";

/** Remembers the caller's own theme. Not audited: it changes nothing anyone else sees. */
export async function setUserTheme(actor: Actor, theme: ThemePreference): Promise<{ theme: ThemePreference }> {
  await getDb().user.update({ where: { id: actor.id }, data: { theme } });
  return { theme };
}

/** The theme a user chose, for the cookie set at sign-in (a new browser gets it without a flash). */
export async function getUserTheme(userId: string): Promise<ThemePreference> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { theme: true } });
  return user?.theme ?? "system";
}
