import "server-only";
import type { TargetDatabaseSummary } from "@/lib/schemas/explain";
import { configuredTargetDatabases } from "../target-db/config";

/** The configured targets by name and services; never their URLs (they carry credentials). */
export function listTargetDatabases(): { targets: TargetDatabaseSummary[] } {
  return { targets: configuredTargetDatabases().map(({ name, services, disposable }) => ({ name, services, disposable })) };
}
