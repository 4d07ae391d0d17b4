import "server-only";
import { createUserSchema } from "@/lib/schemas/auth";
import { getDb } from "../db";
import { createUser } from "./create-user";

/**
 * Creates the first admin from TRIAGE_ADMIN_EMAIL / TRIAGE_ADMIN_PASSWORD when no admin
 * exists yet. An existing account is never changed, so restarting with the variables set is safe.
 */
export async function ensureAdminFromEnv(env: { email?: string; password?: string }): Promise<"created" | "exists" | "skipped"> {
  if (!env.email || !env.password) return "skipped";
  const input = createUserSchema.parse({ email: env.email, name: "Admin", password: env.password, role: "admin" });
  if (await getDb().user.findUnique({ where: { email: input.email }, select: { id: true } })) return "exists";
  await createUser(input, null);
  return "created";
}
