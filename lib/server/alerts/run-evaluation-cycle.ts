import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { evaluateRule, type RuleObservation } from "@/lib/alerts/evaluate-rule";
import { problemNotificationContent, seriesNotificationContent } from "@/lib/alerts/notification-content";
import type { RuleMeasurement } from "@/lib/alerts/plan-evaluation";
import type { LogContext } from "../logs/log-context";
import { claimDueRules, type ClaimedRule } from "./claim-due-rules";
import { measureRules } from "./measure-rules";
import { insertNotifications, writeEvaluations, type CycleWrites, type NotificationRow } from "./write-evaluations";

export interface CycleDeps {
  pool: pg.Pool;
  /** Built before the transaction opens: on a one-connection pool it needs that connection itself. */
  loadContext: () => Promise<LogContext>;
  now?: () => Date;
  /** Most rules one cycle claims. */
  batchSize: number;
  /** A slot is evaluated this long after it passes, so lines of its last seconds are searchable. */
  settleMs: number;
  appUrl: string;
}

export interface CycleResult {
  claimed: number;
  engineRequests: number;
  statements: number;
  transitions: number;
  notifications: number;
  outage: boolean;
  durationMs: number;
  /** Where the time went: claiming, the engine requests, deciding (pure), writing and committing. */
  phasesMs: { claim: number; engine: number; decide: number; write: number };
}

/** The slot a due time stands for, aligned to the rule's interval so every worker and the backtest evaluate the same instants. */
export const alignDown = (time: number, intervalMs: number) => Math.floor(time / intervalMs) * intervalMs;

/**
 * One evaluation cycle in ONE transaction: claim due rules (FOR UPDATE SKIP LOCKED), measure them
 * in a few `_msearch` requests, step every series through the state machine, and write the new
 * states, transitions and outbox rows before committing. If the worker dies anywhere before the
 * commit, nothing of the cycle exists and the rules are due again for whichever worker claims next.
 */
export async function runEvaluationCycle(deps: CycleDeps): Promise<CycleResult> {
  const started = performance.now();
  const now = deps.now?.() ?? new Date();
  const context = await deps.loadContext();
  const client = await deps.pool.connect();
  let statements = 0;
  const query = (text: string, values?: unknown[]) => {
    statements += 1;
    return client.query(text, values);
  };
  try {
    await query("BEGIN");
    const claimed = await claimDueRules(query, { dueBefore: new Date(now.getTime() - deps.settleMs), limit: deps.batchSize });
    const t1 = performance.now();
    if (claimed.length === 0) {
      await query("COMMIT");
      const durationMs = Math.round(performance.now() - started);
      return { claimed: 0, engineRequests: 0, statements, transitions: 0, notifications: 0, outage: false, durationMs, phasesMs: { claim: durationMs, engine: 0, decide: 0, write: 0 } };
    }
    const slots = new Map(claimed.map((rule) => [rule.id, slotOf(rule)]));
    const measurable: RuleMeasurement[] = claimed.flatMap((c) => (c.rule ? [{ id: c.id, measure: c.rule.measure, scope: c.rule.scope, windowMinutes: c.rule.condition.windowMinutes, at: new Date(slots.get(c.id)!) }] : []));
    // Postgres ends a transaction idle for 60 s (lib/server/db.ts); each engine request is shorter
    // (ALERTS_ENGINE_TIMEOUT_MS), and between long ones a no-op statement keeps the claim alive.
    let lastStatement = performance.now();
    const keepAlive = async () => {
      if (performance.now() - lastStatement < 20_000) return;
      await query("SELECT 1");
      lastStatement = performance.now();
    };
    const measured = await measureRules(measurable, context, now, { betweenRequests: keepAlive });
    const t2 = performance.now();
    const writes: CycleWrites = { series: [], transitions: [], notifications: [], schedules: [] };
    for (const rule of claimed) decideRule(rule, slots.get(rule.id)!, measured, writes, { now, appUrl: deps.appUrl, started });
    const t3 = performance.now();
    await writeEvaluations(query, writes);
    if (measured.outageMessage) {
      await recordOutage(query, measured.outageMessage, claimed.filter((rule) => measured.unreachable.has(rule.id) && rule.rule?.engineError === "alert"), deps.appUrl, now);
    } else if (measured.engineRequests > 0) {
      await query(`UPDATE alert_outages SET ended_at = now() AT TIME ZONE 'UTC' WHERE ended_at IS NULL`);
    }
    await query("COMMIT");
    return {
      claimed: claimed.length,
      engineRequests: measured.engineRequests,
      statements,
      transitions: writes.transitions.length,
      notifications: writes.notifications.length,
      outage: measured.outageMessage !== null,
      durationMs: Math.round(performance.now() - started),
      phasesMs: { claim: Math.round(t1 - started), engine: Math.round(t2 - t1), decide: Math.round(t3 - t2), write: Math.round(performance.now() - t3) },
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function slotOf(rule: ClaimedRule): number {
  const interval = (rule.rule?.condition.intervalSeconds ?? 60) * 1000;
  return alignDown(rule.due.getTime(), interval);
}

function observationFor(rule: ClaimedRule, measured: Awaited<ReturnType<typeof measureRules>>): RuleObservation {
  if (measured.unreachable.has(rule.id)) return { kind: "error", message: measured.outageMessage ?? "the log engine is unreachable" };
  const reading = measured.readings.get(rule.id);
  if (!reading) return { kind: "error", message: "the rule was not measured" };
  if (reading.error) return { kind: "error", message: reading.error };
  return { kind: "reading", series: reading.series };
}

function decideRule(claimed: ClaimedRule, slot: number, measured: Awaited<ReturnType<typeof measureRules>>, writes: CycleWrites, options: { now: Date; appUrl: string; started: number }): void {
  const { rule } = claimed;
  const intervalMs = (rule?.condition.intervalSeconds ?? 60) * 1000;
  // The next slot; a worker that fell behind skips to the latest one instead of replaying every missed slot.
  const next = Math.max(slot + intervalMs, alignDown(options.now.getTime(), intervalMs));
  const schedule = { rule_id: claimed.id, next_evaluation_at: new Date(next).toISOString(), last_duration_ms: Math.round(performance.now() - options.started), last_error: null as string | null, error_episode: claimed.errorEpisode, series_capped: false };
  writes.schedules.push(schedule);
  if (!rule) {
    schedule.last_error = "the stored rule does not match the rule schema any more; edit and save it";
    return;
  }
  const observation = observationFor(claimed, measured);
  const at = new Date(slot);
  if (observation.kind === "error") {
    schedule.last_error = observation.message.slice(0, 2000);
    const outage = measured.unreachable.has(claimed.id);
    // A rule the engine rejects notifies once per error episode; an outage notifies once per contact point (recordOutage).
    if (!outage && claimed.lastError === null) {
      schedule.error_episode += 1;
      if (rule.engineError === "alert") {
        const content = problemNotificationContent({ kind: "error", key: `rule:${claimed.id}:error`, message: observation.message, at, appUrl: options.appUrl, rule: { id: claimed.id, name: rule.name, severity: rule.severity, runbookUrl: rule.runbookUrl || null, labels: rule.labels } });
        for (const contactPointId of rule.contactPointIds) writes.notifications.push({ id: randomUUID(), rule_id: claimed.id, series_id: null, contact_point_id: contactPointId, kind: "error", episode_key: `rule:${claimed.id}:error:${schedule.error_episode}`, payload: content });
      }
    }
  } else {
    schedule.series_capped = measured.readings.get(claimed.id)?.capped ?? false;
  }

  for (const step of evaluateRule({ rule, stored: claimed.series, observation, at: slot, silences: claimed.silences })) {
    const seriesId = step.id ?? randomUUID();
    const { state, transition, notifications } = step.result;
    writes.series.push({ id: seriesId, rule_id: claimed.id, series_key: step.seriesKey, status: state.status, flapping: state.flapping, last_value: state.lastValue, state, since: new Date(state.since).toISOString(), last_evaluated_at: at.toISOString() });
    if (transition) {
      writes.transitions.push({ id: randomUUID(), rule_id: claimed.id, series_id: seriesId, from_status: transition.from, to_status: transition.to, value: state.lastValue, threshold: rule.condition.threshold, flapping: state.flapping, note: transition.note?.slice(0, 2000) ?? null, evaluated_at: at.toISOString() });
    }
    for (const due of notifications) {
      const content = seriesNotificationContent({
        kind: due.kind,
        rule: { id: claimed.id, name: rule.name, severity: rule.severity, runbookUrl: rule.runbookUrl || null, labels: rule.labels, measure: rule.measure, windowMinutes: rule.condition.windowMinutes, comparator: rule.condition.comparator, threshold: rule.condition.threshold },
        seriesKey: step.seriesKey,
        value: due.value,
        startedAt: new Date(due.startedAt),
        at,
        appUrl: options.appUrl,
      });
      for (const contactPointId of rule.contactPointIds) {
        writes.notifications.push({ id: randomUUID(), rule_id: claimed.id, series_id: seriesId, contact_point_id: contactPointId, kind: due.kind, episode_key: `${seriesId}:${due.episode}`, payload: content });
      }
    }
  }
}

// Any constant: serializes outage bookkeeping between workers for the rest of the transaction.
const OUTAGE_LOCK = 0x7472_6961;

/** One open outage row shared by every worker; its notification goes to each contact point once. */
async function recordOutage(query: (text: string, values?: unknown[]) => Promise<pg.QueryResult>, message: string, alerting: ClaimedRule[], appUrl: string, now: Date): Promise<void> {
  await query(`SELECT pg_advisory_xact_lock($1)`, [OUTAGE_LOCK]);
  const open = await query(`SELECT id FROM alert_outages WHERE ended_at IS NULL ORDER BY started_at LIMIT 1`);
  let outageId = open.rows[0]?.id as string | undefined;
  if (!outageId) {
    outageId = randomUUID();
    await query(`INSERT INTO alert_outages (id, started_at, message) VALUES ($1, now() AT TIME ZONE 'UTC', $2)`, [outageId, message.slice(0, 2000)]);
  }
  const contactPoints = [...new Set(alerting.flatMap((rule) => rule.rule?.contactPointIds ?? []))];
  if (contactPoints.length === 0) return;
  const content = problemNotificationContent({ kind: "outage", key: `outage:${outageId}`, message: `${message} (${alerting.length} rule${alerting.length === 1 ? "" : "s"} in this cycle hold their state until it answers again)`, at: now, appUrl });
  const rows: NotificationRow[] = contactPoints.map((contactPointId) => ({ id: randomUUID(), rule_id: null, series_id: null, contact_point_id: contactPointId, kind: "outage", episode_key: `outage:${outageId}`, payload: content }));
  await insertNotifications(query, rows);
}
