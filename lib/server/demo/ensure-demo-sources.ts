import "server-only";
import { DEMO_SOURCE_MAPPINGS, DEMO_SOURCE_PATTERNS } from "@/lib/demo/demo-sources";
import type { Actor } from "@/lib/schemas/auth";
import { createLogSource } from "../sources/create-log-source";
import { listLogSources } from "../sources/list-log-sources";

/** Who the audit log names for what the demo set up itself. */
export const DEMO_ACTOR: Actor = { id: "00000000-0000-4000-8000-000000000000", email: "demo@triage.local", name: "npm run demo", role: "admin", via: "session" };

/**
 * The demo's gateway and PostgreSQL sources next to the default (app) one, so the first screen
 * already spans three differently shaped sources. Idempotent: a source of that name is left as
 * the admin last saved it.
 */
export async function ensureDemoSources(): Promise<string[]> {
  const { sources } = await listLogSources();
  const created: string[] = [];
  for (const name of ["gateway", "postgres"] as const) {
    if (sources.some((source) => source.name === name)) continue;
    await createLogSource({ name, indexPattern: DEMO_SOURCE_PATTERNS[name], mapping: DEMO_SOURCE_MAPPINGS[name], enabled: true }, DEMO_ACTOR);
    created.push(name);
  }
  return created;
}
