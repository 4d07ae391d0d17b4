import "server-only";
import { getDb } from "../db";
import type { UserSummary } from "@/lib/schemas/admin";

export async function listUsers(): Promise<UserSummary[]> {
  const users = await getDb().user.findMany({ orderBy: { email: "asc" }, take: 1000 });
  return users.map((user) => ({ id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabledAt !== null, createdAt: user.createdAt.toISOString() }));
}
