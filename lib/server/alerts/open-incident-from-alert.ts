import "server-only";
import type { z } from "zod";
import { currentEpisode, INCIDENT_SEVERITY_FOR_ALERT, incidentTitleForAlert } from "@/lib/alerts/alert-episode";
import type { openIncidentFromAlertSchema } from "@/lib/schemas/alert-rule-api";
import type { Actor } from "@/lib/schemas/auth";
import type { IncidentDetail } from "@/lib/schemas/incident";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "../db";
import { ApiError, unprocessable } from "../errors";
import { insertAlertEpisode } from "../incidents/attach-alert-episode";
import { insertIncident } from "../incidents/create-incident";
import { loadIncidentDetail } from "../incidents/incident-rows";
import { createShareLink } from "../share/create-share-link";
import { findRuleOrThrow } from "./rule-writes";

// An episode longer than this many transitions (a series flapping for days) keeps its newest ones.
const EPISODE_LIMIT = 500;
const SERVICE_NAME = /^[\w.\-:/]{1,128}$/;

/**
 * Opens an incident from a firing series: title and severity from the rule, the series' service,
 * the episode's start, the overview of that service over the episode pinned as a link, and the
 * episode's transitions as the first timeline entries, in one transaction. The series row is
 * locked first, so a worker cycle writing this series either commits before (and its transition
 * is read here) or waits and then sees the incident (and appends its transition, write-evaluations.ts).
 */
export async function openIncidentFromAlert(ruleId: string, input: z.output<typeof openIncidentFromAlertSchema>, actor: Actor, options: { ip?: string; signal?: AbortSignal; now?: Date } = {}): Promise<IncidentDetail> {
  const db = getDb();
  const now = options.now ?? new Date();
  const rule = await findRuleOrThrow(db, ruleId);
  // Checked before the link is made, so a refused request leaves no link behind.
  const first = await readEpisode(db, ruleId, input.seriesKey, rule.rule.name);
  const start = first.episode[0]!.evaluatedAt;
  const service = input.seriesKey === "*" ? null : input.seriesKey;
  const services = service ? [service] : rule.rule.scope.services;
  const title = input.title ?? incidentTitleForAlert(rule.rule.name, input.seriesKey);
  // The overview as the first breaching evaluation measured it (its window before the start) up to now.
  const from = new Date(start.getTime() - rule.rule.condition.windowMinutes * 60_000).toISOString();
  const link = await createShareLink(
    { kind: "overview", params: { from, to: now.toISOString(), ...(service ? { service } : {}) }, pathParams: {}, senderTimeZone: "UTC", snapshot: false, name: `Opened from: ${title}`.slice(0, 200) },
    actor,
    { ...options, now },
  );
  return db.$transaction(async (tx) => {
    const { series, episode } = await readEpisode(tx, ruleId, input.seriesKey, rule.rule.name, true);
    const id = await insertIncident(
      tx,
      { title, severity: input.severity ?? INCIDENT_SEVERITY_FOR_ALERT[rule.rule.severity], status: "investigating", services: services.filter((name) => SERVICE_NAME.test(name)).slice(0, 20), startedAt: episode[0]!.evaluatedAt.toISOString(), endedAt: null, commander: actor.name.slice(0, 120) || actor.email.slice(0, 120) },
      actor,
      { linkSlug: link.slug, ip: options.ip, auditDetails: { fromAlert: { ruleId, seriesKey: input.seriesKey } } },
    );
    await insertAlertEpisode(tx, id, { ruleId, ruleName: rule.rule.name, series: input.seriesKey, seriesId: series.id, threshold: rule.rule.condition.threshold, transitions: episode.map((t) => ({ at: t.evaluatedAt, from: t.fromStatus, to: t.toStatus, ref: t.id, value: t.value })) }, actor, options.ip);
    return loadIncidentDetail(tx, id);
  });
}

async function readEpisode(tx: Prisma.TransactionClient, ruleId: string, seriesKey: string, ruleName: string, lock = false) {
  const series = await tx.alertSeries.findUnique({ where: { ruleId_seriesKey: { ruleId, seriesKey } } });
  if (!series) throw unprocessable(`The rule “${ruleName}” has no series “${seriesKey}”: it was never evaluated for it.`, { seriesKey: "no series of this rule has this name" });
  if (lock) await tx.$queryRaw`SELECT id FROM alert_series WHERE id = ${series.id} FOR UPDATE`;
  const current = lock ? await tx.alertSeries.findUniqueOrThrow({ where: { id: series.id } }) : series;
  const history = current.status === "firing" ? await tx.alertTransition.findMany({ where: { seriesId: series.id }, orderBy: { evaluatedAt: "desc" }, take: EPISODE_LIMIT }) : [];
  const found = currentEpisode(history);
  // Flapping for longer than the limit: its newest transitions stand for the episode.
  const episode = found.length === 0 && history.length === EPISODE_LIMIT ? [...history].reverse() : found;
  if (current.status !== "firing" || episode.length === 0) {
    throw new ApiError(409, "conflict", `The series “${seriesKey}” of “${ruleName}” is ${current.status}, not firing: an incident opens from a firing alert. Open one from the incidents page instead.`);
  }
  return { series: current, episode };
}
