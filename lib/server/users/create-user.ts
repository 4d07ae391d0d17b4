import "server-only";
import type { UserSummary } from "@/lib/schemas/admin";
import type { Actor, CreateUserInput } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { getDb } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { ApiError } from "../errors";

const taken = (email: string) => new ApiError(409, "conflict", `A user with email ${email} already exists.`, { email: "already in use" });

/** Creates an account; a taken email is a 409, also when two admins create it at the same moment (the unique index decides). */
export async function createUser(input: CreateUserInput, actor: Actor | null, ip?: string): Promise<UserSummary> {
  const db = getDb();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw taken(input.email);
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: input.role } });
    await recordAuditEvent({ actor, action: "user.created", targetType: "user", targetId: user.id, details: { email: user.email, role: user.role }, ip }, tx);
    return { id: user.id, email: user.email, name: user.name, role: user.role, disabled: false, createdAt: user.createdAt.toISOString() };
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? taken(input.email) : error;
  });
}
