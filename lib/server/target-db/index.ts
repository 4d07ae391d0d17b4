import "server-only";
import { configuredTargetDatabases, pickTarget } from "./config";
import { pgTargetDatabase } from "./pg-target";
import type { TargetDatabase, TargetDatabaseConfig } from "./types";

/** The configured target for a statement, or undefined when none is configured (or the name is unknown). */
export function getTargetDatabase(wanted: { name?: string; services?: readonly string[] }, targets: readonly TargetDatabaseConfig[] = configuredTargetDatabases()): TargetDatabase | undefined {
  const config = pickTarget(targets, wanted);
  return config ? pgTargetDatabase(config) : undefined;
}
