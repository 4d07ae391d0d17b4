// Runs once when a server instance starts: bootstraps the first admin from the environment, and
// with ALERTS_WORKER=in-process runs the alert worker inside this process (the embedded PGlite
// serves one connection, so a second process could not reach it; see README "Alerts").
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.ALERTS_WORKER === "in-process") {
    const { startAlertWorkerFromEnv } = await import("@/lib/server/alerts/alert-worker");
    startAlertWorkerFromEnv();
  }
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
