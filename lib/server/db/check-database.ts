import "server-only";
import { getDbPool } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";

export type DatabaseCheck = { ok: true; latencyMs: number } | { ok: false; message: string };

const TIMEOUT_MS = 3_000;

/**
 * SELECT 1 through the app's own pool (with the embedded single-connection server a second
 * pool could not even connect). Messages name host and port only, never the credentials.
 */
export async function checkDatabase(): Promise<DatabaseCheck> {
  let where = "(no DATABASE_URL)";
  let timer: NodeJS.Timeout | undefined;
  try {
    where = serverAddress(getEnv().DATABASE_URL);
    const started = performance.now();
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), TIMEOUT_MS);
    });
    const outcome = await Promise.race([getDbPool().query("SELECT 1"), timeout]);
    if (outcome === "timeout") return { ok: false, message: `Postgres at ${where} did not answer within ${TIMEOUT_MS / 1000} s` };
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, message: describeFailure(where, error) };
  } finally {
    clearTimeout(timer);
  }
}

function serverAddress(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || "localhost"}:${url.port || "5432"}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

type DriverError = Error & { code?: string; severity?: string; errors?: DriverError[] };

function describeFailure(where: string, error: unknown): string {
  const e = error as DriverError;
  // Postgres answered (unknown database, bad password...): its message carries no secrets.
  if (e.severity && e.code) return `Postgres at ${where} refused the connection: ${e.message} (${e.code})`;
  // Socket errors: ECONNREFUSED, ENOTFOUND... (Node may wrap one per address in an AggregateError).
  const code = e.code ?? e.errors?.[0]?.code;
  if (code) return `Postgres at ${where} is unreachable: ${code}`;
  const message = (e.message ?? String(error)).replace(/postgres(?:ql)?:\/\/\S+/gi, "postgresql://…");
  return `Postgres at ${where} is unreachable: ${message}`;
}
