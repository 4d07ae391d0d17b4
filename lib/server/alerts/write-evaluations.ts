import "server-only";
import type pg from "pg";

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

export interface SeriesRow { id: string; rule_id: string; series_key: string; status: string; flapping: boolean; last_value: number | null; state: unknown; since: string; last_evaluated_at: string }
export interface TransitionRow { id: string; rule_id: string; series_id: string; from_status: string; to_status: string; value: number | null; threshold: number; flapping: boolean; note: string | null; evaluated_at: string }
export interface NotificationRow { id: string; rule_id: string | null; series_id: string | null; contact_point_id: string; kind: string; episode_key: string; payload: unknown }
export interface ScheduleRow { rule_id: string; next_evaluation_at: string; last_duration_ms: number; last_error: string | null; error_episode: number; series_capped: boolean }

export interface CycleWrites { series: SeriesRow[]; transitions: TransitionRow[]; notifications: NotificationRow[]; schedules: ScheduleRow[] }

/**
 * Everything one cycle decided, in a constant number of statements whatever the number of rules
 * (rows travel as one jsonb array each), inside the cycle's transaction: series state,
 * transitions and their outbox rows commit together or not at all. The unique keys make a
 * replayed cycle harmless: one transition per series and evaluation, one notification per
 * episode, kind and contact point.
 */
export async function writeEvaluations(query: Query, writes: CycleWrites): Promise<void> {
  if (writes.series.length > 0) {
    await query(
      `INSERT INTO alert_series (id, rule_id, series_key, status, flapping, last_value, state, since, last_evaluated_at, updated_at)
       SELECT r.id, r.rule_id, r.series_key, r.status::"AlertSeriesStatus", r.flapping, r.last_value, r.state,
              r.since AT TIME ZONE 'UTC', r.last_evaluated_at AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, rule_id text, series_key text, status text, flapping boolean, last_value float8, state jsonb, since timestamptz, last_evaluated_at timestamptz)
       ON CONFLICT (rule_id, series_key) DO UPDATE SET status = EXCLUDED.status, flapping = EXCLUDED.flapping, last_value = EXCLUDED.last_value,
              state = EXCLUDED.state, since = EXCLUDED.since, last_evaluated_at = EXCLUDED.last_evaluated_at, updated_at = EXCLUDED.updated_at`,
      [JSON.stringify(writes.series)],
    );
  }
  if (writes.transitions.length > 0) {
    // In the same statement, each transition written (not one a replay skipped) also lands on the
    // timeline of every unresolved incident opened from its series (open-incident-from-alert.ts):
    // the incident is a record of its own, so it keeps them when the rule is edited or deleted.
    await query(
      `WITH written AS (
         INSERT INTO alert_transitions (id, rule_id, series_id, from_status, to_status, value, threshold, flapping, note, evaluated_at)
         SELECT t.id, t.rule_id, t.series_id, t.from_status::"AlertSeriesStatus", t.to_status::"AlertSeriesStatus", t.value, t.threshold, t.flapping, t.note, t.evaluated_at AT TIME ZONE 'UTC'
           FROM jsonb_to_recordset($1::jsonb) AS t(id text, rule_id text, series_id text, from_status text, to_status text, value float8, threshold float8, flapping boolean, note text, evaluated_at timestamptz)
         ON CONFLICT (series_id, evaluated_at) DO NOTHING
         RETURNING id, rule_id, series_id, from_status, to_status, value, threshold, evaluated_at
       ), linked AS (
         SELECT DISTINCT ON (e.incident_id, e.details->>'seriesId') e.incident_id, e.details->>'seriesId' AS series_id, e.details->>'ruleName' AS rule_name, e.details->>'series' AS series_key
           FROM incidents i JOIN incident_events e ON e.incident_id = i.id
          WHERE i.status <> 'resolved' AND e.kind = 'alert_transition' AND e.details->>'seriesId' IS NOT NULL
       )
       INSERT INTO incident_events (id, incident_id, kind, at, actor_name, from_status, to_status, alert_ref, details, created_at)
       SELECT gen_random_uuid()::text, l.incident_id, 'alert_transition', w.evaluated_at, 'alert worker', w.from_status::text, w.to_status::text, w.id,
              jsonb_build_object('ruleId', w.rule_id, 'ruleName', l.rule_name, 'series', l.series_key, 'seriesId', w.series_id, 'threshold', w.threshold, 'value', w.value), now() AT TIME ZONE 'UTC'
         FROM written w JOIN linked l ON l.series_id = w.series_id`,
      [JSON.stringify(writes.transitions)],
    );
  }
  if (writes.notifications.length > 0) await insertNotifications(query, writes.notifications);
  if (writes.schedules.length > 0) {
    await query(
      `UPDATE alert_rule_schedules s SET next_evaluation_at = u.next_evaluation_at AT TIME ZONE 'UTC', last_evaluated_at = now() AT TIME ZONE 'UTC',
              last_duration_ms = u.last_duration_ms, last_error = u.last_error, error_episode = u.error_episode, series_capped = u.series_capped, evaluations = s.evaluations + 1
         FROM jsonb_to_recordset($1::jsonb) AS u(rule_id text, next_evaluation_at timestamptz, last_duration_ms int, last_error text, error_episode int, series_capped boolean)
        WHERE s.rule_id = u.rule_id`,
      [JSON.stringify(writes.schedules)],
    );
  }
}

export async function insertNotifications(query: Query, rows: NotificationRow[]): Promise<void> {
  await query(
    `INSERT INTO alert_notifications (id, rule_id, series_id, contact_point_id, kind, episode_key, payload)
     SELECT n.id, n.rule_id, n.series_id, n.contact_point_id, n.kind::"NotificationKind", n.episode_key, n.payload
       FROM jsonb_to_recordset($1::jsonb) AS n(id text, rule_id text, series_id text, contact_point_id text, kind text, episode_key text, payload jsonb)
     ON CONFLICT (episode_key, kind, contact_point_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
