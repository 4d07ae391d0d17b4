// The demo's seeding on the real Postgres: rules created once whatever the number of runs,
// audited as the demo, due for the worker at once, and left alone once an admin has changed them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ALERT_RULES } from "@/lib/demo/demo-alert-rules";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";

let database: TestDatabase;
let ensureDemoAlerts: typeof import("./ensure-demo-alerts").ensureDemoAlerts;
let db: ReturnType<typeof import("@/lib/server/db").getDb>;

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_demo_alerts");
  ({ ensureDemoAlerts } = await import("./ensure-demo-alerts"));
  db = (await import("@/lib/server/db")).getDb();
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

describe("ensureDemoAlerts", () => {
  it("creates the demo's rules once, audited as the demo, each due for the worker at once", async () => {
    expect(await ensureDemoAlerts()).toEqual(DEMO_ALERT_RULES.map((rule) => rule.name));
    expect(await ensureDemoAlerts()).toEqual([]);
    const rules = await db.alertRule.findMany({ include: { schedule: true, contactPoints: true } });
    expect(rules.map((rule) => rule.name).sort()).toEqual(DEMO_ALERT_RULES.map((rule) => rule.name).sort());
    expect(rules.every((rule) => rule.enabled && rule.schedule !== null && rule.contactPoints.length === 0)).toBe(true);
    const audit = await db.auditLog.findMany({ where: { action: "alert_rule.created" } });
    expect(audit.map((entry) => entry.actorEmail)).toEqual(DEMO_ALERT_RULES.map(() => "demo@triage.local"));
  });

  it("leaves a rule an admin changed as it is", async () => {
    const [first] = await db.alertRule.findMany({ where: { name: DEMO_ALERT_RULES[0]!.name } });
    await db.alertRule.update({ where: { id: first!.id }, data: { enabled: false, version: { increment: 1 } } });
    expect(await ensureDemoAlerts()).toEqual([]);
    expect((await db.alertRule.findUniqueOrThrow({ where: { id: first!.id } })).enabled).toBe(false);
  });
});
