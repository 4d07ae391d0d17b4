import "server-only";
import type { HealthResponse } from "@/lib/schemas/health";
import { stripUrlCredentials, stripUrlCredentialsInText } from "@/lib/security/strip-url-credentials";
import { checkDatabase } from "../db/check-database";
import { getEnv } from "../env";
import { getLogStore } from "../log-store";

async function checkSearch(signal?: AbortSignal): Promise<HealthResponse["search"]> {
  // LOGS_URL may carry user:password@; the badge and the banner show the host only.
  const url = stripUrlCredentials(getEnv().LOGS_URL);
  const started = performance.now();
  try {
    const store = await getLogStore();
    const info = await store.info({ signal });
    return { ok: true, engine: info.engine, version: info.version, url, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, url, message: stripUrlCredentialsInText(error instanceof Error ? error.message : String(error)) };
  }
}

/** Postgres and the search engine, checked side by side; each answer says what is down and why. */
export async function getHealth(options: { signal?: AbortSignal; detailed: boolean }): Promise<HealthResponse> {
  const [database, search] = await Promise.all([checkDatabase(), checkSearch(options.signal)]);
  const postgres = database.ok ? { ok: true, latencyMs: database.latencyMs } : { ok: false, message: stripUrlCredentialsInText(database.message) };
  const status = postgres.ok && search.ok ? "ok" : "degraded";
  if (options.detailed) return { status, postgres, search };
  // Anonymous callers learn only what is up, not hosts, versions or error text.
  return { status, postgres: { ok: postgres.ok }, search: { ok: search.ok } };
}
