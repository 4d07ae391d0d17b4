import "server-only";
import type pg from "pg";
import { parseSeriesState } from "@/lib/alerts/state-machine";
import type { StoredSeries } from "@/lib/alerts/evaluate-rule";
import type { AlertRule as AlertRuleRow } from "@/lib/generated/prisma/client";
import type { AlertRuleInput } from "@/lib/schemas/alert-rule";
import { alertRuleFromRow } from "./rule-rows";

export interface ClaimedRule {
  id: string;
  /** Null when the stored definition no longer parses (reported on the rule, not evaluated). */
  rule: AlertRuleInput | null;
  due: Date;
  lastError: string | null;
  errorEpisode: number;
  evaluations: number;
  series: StoredSeries[];
  silences: Array<{ seriesKey: string | null }>;
}

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/**
 * Inside the cycle's transaction: creates schedules for rules that have none, then claims up to
 * `limit` due rules with FOR UPDATE SKIP LOCKED on their schedule rows. Locked rows are skipped,
 * not waited for, so any number of workers share the due rules without evaluating one twice;
 * the locks last until the cycle commits, and a worker that dies mid-cycle (connection gone,
 * transaction rolled back) leaves its rules due for the next claim. Timestamps are UTC wall
 * times (Prisma's convention for timestamp(3) columns), hence the AT TIME ZONE 'UTC'.
 */
export async function claimDueRules(query: Query, options: { dueBefore: Date; limit: number }): Promise<ClaimedRule[]> {
  await query(
    `INSERT INTO alert_rule_schedules (rule_id, next_evaluation_at)
     SELECT r.id, now() AT TIME ZONE 'UTC' FROM alert_rules r
      WHERE r.enabled AND NOT EXISTS (SELECT 1 FROM alert_rule_schedules s WHERE s.rule_id = r.id)
     ON CONFLICT DO NOTHING`,
  );
  const claimed = await query(
    `SELECT r.id, r.name, r.description, r.runbook_url AS "runbookUrl", r.labels, r.severity, r.enabled, r.measure, r.scope,
            r.condition, r.flapping, r.no_data_handling AS "noDataHandling", r.engine_error_handling AS "engineErrorHandling", r.version,
            r.created_at AT TIME ZONE 'UTC' AS "createdAt", r.updated_at AT TIME ZONE 'UTC' AS "updatedAt", r.updated_by AS "updatedBy",
            s.next_evaluation_at AT TIME ZONE 'UTC' AS due, s.last_error, s.error_episode, s.evaluations,
            COALESCE((SELECT json_agg(json_build_object('contactPointId', l.contact_point_id)) FROM alert_rule_contact_points l
                        JOIN contact_points c ON c.id = l.contact_point_id AND c.enabled WHERE l.rule_id = r.id), '[]'::json) AS "contactPoints"
       FROM alert_rule_schedules s JOIN alert_rules r ON r.id = s.rule_id
      WHERE r.enabled AND s.next_evaluation_at <= ($1::timestamptz AT TIME ZONE 'UTC')
      ORDER BY s.next_evaluation_at
      LIMIT $2
      FOR UPDATE OF s SKIP LOCKED`,
    [options.dueBefore.toISOString(), options.limit],
  );
  if (claimed.rows.length === 0) return [];
  const ids = claimed.rows.map((row) => row.id as string);
  const [series, silences] = await Promise.all([
    query(`SELECT id, rule_id, series_key, state FROM alert_series WHERE rule_id = ANY($1)`, [ids]),
    query(`SELECT rule_id, series_key FROM alert_silences WHERE rule_id = ANY($1) AND ends_at > ($2::timestamptz AT TIME ZONE 'UTC')`, [ids, options.dueBefore.toISOString()]),
  ]);
  return claimed.rows.map((row) => ({
    id: row.id,
    rule: alertRuleFromRow(row as AlertRuleRow & { contactPoints: { contactPointId: string }[] })?.rule ?? null,
    due: row.due,
    lastError: row.last_error,
    errorEpisode: row.error_episode,
    evaluations: row.evaluations,
    series: series.rows.filter((s) => s.rule_id === row.id).map((s) => ({ id: s.id, seriesKey: s.series_key, state: parseSeriesState(s.state) })),
    silences: silences.rows.filter((s) => s.rule_id === row.id).map((s) => ({ seriesKey: s.series_key })),
  }));
}
