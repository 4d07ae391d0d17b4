import "server-only";

/** True when a write lost a race on a unique constraint (Prisma P2002, or Postgres 23505 through the driver). */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === "P2002" || code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
