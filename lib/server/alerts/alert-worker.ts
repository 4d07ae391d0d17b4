import "server-only";
import type pg from "pg";
import { z } from "zod";
import { getDbPool } from "../db";
import { logger } from "../logger";
import { backgroundLogContextLoader } from "../logs/background-log-context";
import type { LogContext } from "../logs/log-context";
import { webhookPolicyFromEnv, type WebhookUrlPolicy } from "../security/webhook-url-policy";
import { notifyConfig } from "../notify/notify-config";
import { sendDueNotifications } from "../notify/send-due-notifications";
import { runEvaluationCycle, type CycleResult } from "./run-evaluation-cycle";

export interface AlertWorkerOptions {
  pool: pg.Pool;
  loadContext: () => Promise<LogContext>;
  policy: WebhookUrlPolicy;
  appUrl: string;
  tickMs: number;
  batchSize: number;
  settleMs: number;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  onCycle?: (result: CycleResult) => void;
}

export interface AlertWorker {
  /** Finishes the cycle under way (never abandons a transaction midway), then stops. */
  stop(): Promise<void>;
}

/**
 * The worker loop: evaluation cycles until no rule is due (a full batch means more may be
 * waiting), then the outbox, then a pause of `tickMs`. Every failure (Postgres down, say) is
 * logged and retried next tick; the loop itself never dies of one.
 */
export function startAlertWorker(options: AlertWorkerOptions): AlertWorker {
  let stopped = false;
  let wake: (() => void) | undefined;
  const tick = async () => {
    for (;;) {
      const result = await runEvaluationCycle(options);
      if (result.claimed > 0) options.onCycle?.(result);
      if (result.claimed < options.batchSize || stopped) break;
    }
    for (let round = 0; round < 20 && !stopped; round++) {
      const sent = await sendDueNotifications(options);
      if (sent.sent + sent.failed + sent.retried === 0) break;
    }
  };
  const loop = (async () => {
    while (!stopped) {
      try {
        await tick();
      } catch (error) {
        logger.warn({ err: error }, "alert worker cycle failed; retrying next tick");
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.tickMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}

const workerEnvSchema = z.object({
  ALERTS_WORKER_TICK_MS: z.coerce.number().int().min(100).default(5_000),
  ALERTS_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1_000),
  ALERTS_SETTLE_MS: z.coerce.number().int().min(0).default(2_000),
  // Under Postgres' idle-in-transaction limit (60 s), since a cycle's transaction waits on the engine.
  ALERTS_ENGINE_TIMEOUT_MS: z.coerce.number().int().positive().max(55_000).default(30_000),
});

/** The worker as configured by the environment (README: configuration), on the process-wide pool and log store. */
export function startAlertWorkerFromEnv(): AlertWorker {
  const present = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = workerEnvSchema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const notify = notifyConfig();
  return startAlertWorker({
    pool: getDbPool(),
    loadContext: backgroundLogContextLoader(parsed.data.ALERTS_ENGINE_TIMEOUT_MS),
    policy: webhookPolicyFromEnv(),
    appUrl: notify.appUrl,
    tickMs: parsed.data.ALERTS_WORKER_TICK_MS,
    batchSize: parsed.data.ALERTS_BATCH_SIZE,
    settleMs: parsed.data.ALERTS_SETTLE_MS,
    timeoutMs: notify.timeoutMs,
    maxAttempts: notify.maxAttempts,
    retryBaseMs: notify.retryBaseMs,
    onCycle: (result) => logger.info({ alerts: result }, `alert cycle: ${result.claimed} rules, ${result.engineRequests} engine requests, ${result.transitions} transitions, ${result.notifications} notifications in ${result.durationMs} ms`),
  });
}
