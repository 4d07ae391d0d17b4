import "server-only";
import type { Actor, UpdateUserInput } from "@/lib/schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDb } from "../db";
import { ApiError, notFound } from "../errors";
import type { UserSummary } from "@/lib/schemas/admin";

/**
 * Changes a role or disables an account. Either ends the user's sessions, so a demotion
 * takes effect at once. The last enabled admin cannot demote or disable themselves away.
 */
export async function updateUser(userId: string, input: UpdateUserInput, actor: Actor, ip?: string): Promise<UserSummary> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("No such user.");
    const losesAdmin = user.role === "admin" && ((input.role && input.role !== "admin") || input.disabled === true);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
      if (admins <= 1) throw new ApiError(409, "conflict", "This is the last admin: make someone else admin first.");
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: {
        role: input.role,
        disabledAt: input.disabled === undefined ? undefined : input.disabled ? new Date() : null,
      },
    });
    await tx.session.deleteMany({ where: { userId } });
    if (input.role && input.role !== user.role) {
      await recordAuditEvent({ actor, action: "user.role_changed", targetType: "user", targetId: userId, details: { email: user.email, from: user.role, to: input.role }, ip }, tx);
    }
    if (input.disabled !== undefined && input.disabled !== (user.disabledAt !== null)) {
      await recordAuditEvent({ actor, action: input.disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: userId, details: { email: user.email }, ip }, tx);
    }
    return { id: updated.id, email: updated.email, name: updated.name, role: updated.role, disabled: updated.disabledAt !== null, createdAt: updated.createdAt.toISOString() };
  });
}
