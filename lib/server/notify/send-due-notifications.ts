import "server-only";
import type pg from "pg";
import type { NotificationContent } from "@/lib/alerts/notification-content";
import { retryDelayMs } from "@/lib/alerts/retry-delay";
import type { ContactPointKind, DeliveryResult } from "@/lib/schemas/contact-point";
import type { WebhookUrlPolicy } from "../security/webhook-url-policy";
import { deliverNotification } from "./deliver";

export interface SenderOptions {
  pool: pg.Pool;
  policy: WebhookUrlPolicy;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  batchSize?: number;
  now?: () => Date;
}

type ClaimedRow = { id: string; attempts: number; payload: NotificationContent; kind: ContactPointKind; url: string; secret: string | null; routing_key: string | null };

/**
 * The outbox sender. Claims due rows with SKIP LOCKED and leases them in ONE short statement
 * (attempts + 1, next attempt pushed past the send's timeout), so no transaction stays open while
 * a receiver answers (the embedded PGlite has a single connection) and two senders never take the
 * same row. A row waits while an older one for the same series and contact point is pending, so
 * "resolved" never overtakes its "firing". Each attempt is recorded; a failure is retried with
 * backoff and jitter, and marked failed after the last attempt. A sender killed mid-send leaves
 * the lease to expire and the row is sent again with the same Idempotency-Key.
 */
export async function sendDueNotifications(options: SenderOptions): Promise<{ sent: number; failed: number; retried: number }> {
  const now = options.now?.() ?? new Date();
  const leaseUntil = new Date(now.getTime() + options.timeoutMs + 30_000);
  const claimed = await options.pool.query<ClaimedRow>(
    `UPDATE alert_notifications n SET attempts = n.attempts + 1, next_attempt_at = ($2::timestamptz AT TIME ZONE 'UTC')
       FROM contact_points cp
      WHERE cp.id = n.contact_point_id AND n.id IN (
        SELECT c.id FROM alert_notifications c
         WHERE c.status = 'pending' AND c.next_attempt_at <= ($1::timestamptz AT TIME ZONE 'UTC')
           AND NOT EXISTS (SELECT 1 FROM alert_notifications e WHERE e.status = 'pending' AND e.contact_point_id = c.contact_point_id
                             AND e.series_id IS NOT DISTINCT FROM c.series_id AND c.series_id IS NOT NULL AND e.created_at < c.created_at)
         ORDER BY c.next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING n.id, n.attempts, n.payload, cp.kind, cp.url, cp.secret, cp.routing_key`,
    [now.toISOString(), leaseUntil.toISOString(), options.batchSize ?? 50],
  );
  if (claimed.rows.length === 0) return { sent: 0, failed: 0, retried: 0 };

  const results = await Promise.all(
    claimed.rows.map(async (row) => {
      const startedAt = new Date();
      const result: DeliveryResult = await deliverNotification({ kind: row.kind, url: row.url, secret: row.secret, routingKey: row.routing_key }, row.payload, row.id, { policy: options.policy, timeoutMs: options.timeoutMs });
      return { row, result, startedAt };
    }),
  );

  const outcomes = results.map(({ row, result, startedAt }) => {
    const last = row.attempts >= options.maxAttempts;
    const status = result.ok ? "delivered" : last ? "failed" : "pending";
    const next = new Date(Date.now() + retryDelayMs(row.attempts, options.retryBaseMs));
    return { id: row.id, attempt: row.attempts, started_at: startedAt.toISOString(), latency_ms: result.latencyMs, http_status: result.httpStatus, ok: result.ok, error: result.error?.slice(0, 2000) ?? null, status, next_attempt_at: next.toISOString() };
  });
  const client = await options.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO notification_attempts (id, notification_id, attempt, started_at, latency_ms, http_status, ok, error)
       SELECT gen_random_uuid()::text, o.id, o.attempt, o.started_at AT TIME ZONE 'UTC', o.latency_ms, o.http_status, o.ok, o.error
         FROM jsonb_to_recordset($1::jsonb) AS o(id text, attempt int, started_at timestamptz, latency_ms int, http_status int, ok boolean, error text)
       ON CONFLICT (notification_id, attempt) DO NOTHING`,
      [JSON.stringify(outcomes)],
    );
    await client.query(
      `UPDATE alert_notifications n SET status = o.status::"NotificationStatus", last_error = o.error,
              delivered_at = CASE WHEN o.ok THEN now() AT TIME ZONE 'UTC' ELSE NULL END,
              next_attempt_at = CASE WHEN o.status = 'pending' THEN o.next_attempt_at AT TIME ZONE 'UTC' ELSE n.next_attempt_at END
         FROM jsonb_to_recordset($1::jsonb) AS o(id text, status text, ok boolean, error text, next_attempt_at timestamptz)
        WHERE n.id = o.id`,
      [JSON.stringify(outcomes)],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return {
    sent: outcomes.filter((o) => o.ok).length,
    failed: outcomes.filter((o) => o.status === "failed").length,
    retried: outcomes.filter((o) => o.status === "pending").length,
  };
}
