import "server-only";
import { z } from "zod";
import { getEnv } from "../env";
import type { TargetDatabaseConfig } from "./types";

const entrySchema = z.object({
  name: z.string().trim().min(1).max(64).regex(/^[\w.-]+$/, "target names use letters, digits, . _ -"),
  url: z.string().min(1),
  services: z.array(z.string().min(1).max(128)).max(100).default([]),
  disposable: z.boolean().default(false),
});
const listSchema = z.array(entrySchema).max(50);

/**
 * Target databases from TARGET_DATABASE_URL (named "default", serving every service) and
 * TARGET_DATABASES (JSON list of {name, url, services, disposable}). A malformed list fails loudly.
 */
export function parseTargetDatabases(env: { TARGET_DATABASE_URL?: string; TARGET_DATABASES?: string }): TargetDatabaseConfig[] {
  const out: TargetDatabaseConfig[] = [];
  if (env.TARGET_DATABASES) {
    let raw: unknown;
    try {
      raw = JSON.parse(env.TARGET_DATABASES);
    } catch {
      throw new Error("TARGET_DATABASES is not JSON: expected [{\"name\":\"shop\",\"url\":\"postgres://…\",\"services\":[\"orders\"]}]");
    }
    const parsed = listSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`TARGET_DATABASES: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
    out.push(...parsed.data);
  }
  if (env.TARGET_DATABASE_URL && !out.some((target) => target.name === "default")) out.unshift({ name: "default", url: env.TARGET_DATABASE_URL, services: [], disposable: false });
  return out;
}

export function configuredTargetDatabases(): TargetDatabaseConfig[] {
  return parseTargetDatabases(getEnv());
}

/** The target for a statement: the one named, else the first serving one of its services, else the first. */
export function pickTarget(targets: readonly TargetDatabaseConfig[], wanted: { name?: string; services?: readonly string[] }): TargetDatabaseConfig | undefined {
  if (wanted.name) return targets.find((target) => target.name === wanted.name);
  const services = wanted.services ?? [];
  return targets.find((target) => target.services.some((service) => services.includes(service))) ?? targets.find((target) => target.services.length === 0) ?? targets[0];
}
