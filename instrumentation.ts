// Runs once when a server instance starts: bootstraps the first admin from the environment.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (!process.env.TRIAGE_ADMIN_EMAIL || !process.env.TRIAGE_ADMIN_PASSWORD) return;
  const { ensureAdminFromEnv } = await import("@/lib/server/users/ensure-admin");
  const { logger } = await import("@/lib/server/logger");
  try {
    const outcome = await ensureAdminFromEnv({ email: process.env.TRIAGE_ADMIN_EMAIL, password: process.env.TRIAGE_ADMIN_PASSWORD });
    logger.info({ outcome }, `admin bootstrap: ${outcome}`);
  } catch (error) {
    // Postgres may not be up yet; the app still starts and the banner says what is down.
    logger.warn({ err: error }, "admin bootstrap failed");
  }
}
