import "server-only";
import { z } from "zod";
import { getEnv } from "../env";

const schema = z.object({
  ALERTS_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  ALERTS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  ALERTS_RETRY_BASE_MS: z.coerce.number().int().positive().default(5_000),
});

export interface NotifyConfig {
  appUrl: string;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
}

/** The sender's settings (README: configuration): ALERTS_WEBHOOK_TIMEOUT_MS, ALERTS_MAX_ATTEMPTS, ALERTS_RETRY_BASE_MS, APP_URL for links. */
export function notifyConfig(env: Record<string, string | undefined> = process.env): NotifyConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return { appUrl: getEnv().APP_URL ?? "http://localhost:3000", timeoutMs: parsed.data.ALERTS_WEBHOOK_TIMEOUT_MS, maxAttempts: parsed.data.ALERTS_MAX_ATTEMPTS, retryBaseMs: parsed.data.ALERTS_RETRY_BASE_MS };
}
