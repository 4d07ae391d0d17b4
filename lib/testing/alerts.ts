import "server-only";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { stepSeries, type SeriesState } from "@/lib/alerts/state-machine";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { alertRuleInputSchema, type AlertRuleFormValues, type AlertRuleInput } from "@/lib/schemas/alert-rule";
import { alertRuleRowData } from "@/lib/server/alerts/rule-rows";
import { machineRule } from "@/lib/alerts/evaluate-rule";

/** Test-only: a pool and a Prisma client on one test database. */
export function openAlertsDatabase(url: string, max = 4): { pool: pg.Pool; prisma: PrismaClient; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max });
  // Dropping the database ends idle connections; that is expected, not a crash.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma, close: async () => void (await pool.end().catch(() => undefined)) };
}

/** Creates a rule (and its schedule at `firstDue`) as the UI's verbs would store it. */
export async function createTestRule(prisma: PrismaClient, values: AlertRuleFormValues, firstDue: Date): Promise<{ id: string; rule: AlertRuleInput }> {
  const rule = alertRuleInputSchema.parse(values);
  const row = await prisma.alertRule.create({
    data: { ...alertRuleRowData(rule), contactPoints: { create: rule.contactPointIds.map((contactPointId) => ({ contactPointId })) }, schedule: { create: { nextEvaluationAt: firstDue } } },
  });
  return { id: row.id, rule };
}

export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A real HTTP receiver on a free loopback port that answers 503 to its first `failFirst` requests. */
export async function startReceiver(options: { failFirst?: number } = {}): Promise<{ url: string; requests: ReceivedRequest[]; close: () => Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = requests.length < (options.failFirst ?? 0) ? 503 : 200;
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), status });
      response.writeHead(status, { "content-type": "application/json" }).end(status === 200 ? '{"ok":true}' : '{"error":"try later"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface PredictedTransition {
  at: number;
  to: string;
}

/**
 * What the generator's ground truth predicts for a per-service error-rate rule with a 1-minute
 * window evaluated at each minute in `slots`: the rate of the minute before each slot, from the
 * generator's own counts (not the engine's), stepped through the state machine.
 */
export function predictErrorRateTransitions(truth: DemoGroundTruth, rule: AlertRuleInput, service: string, slots: number[]): { transitions: PredictedTransition[]; fired: number } {
  const byMinute = new Map(truth.perServicePerMinute.filter((row) => row.service === service).map((row) => [Date.parse(row.minute), row]));
  let state: SeriesState | undefined;
  const transitions: PredictedTransition[] = [];
  let fired = 0;
  for (const slot of slots) {
    const counts = byMinute.get(slot - 60_000);
    const observation = counts && counts.requestLines > 0 ? { kind: "value" as const, value: (100 * counts.status5xx) / counts.requestLines } : { kind: "nodata" as const };
    if (!state && observation.kind === "nodata") continue;
    const result = stepSeries(state, observation, machineRule(rule), { now: slot });
    if (result.transition) transitions.push({ at: slot, to: result.transition.to });
    fired += result.notifications.filter((n) => n.kind === "firing").length;
    state = result.state;
  }
  return { transitions, fired };
}
