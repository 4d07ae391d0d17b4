import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGroundTruth } from "@/lib/demo/ground-truth";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { seedDemoLogs } from "../demo/seed-demo-logs";
import type { LogStore } from "../log-store/types";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { getErrorRate } from "./get-error-rate";
import { createLogContext } from "@/lib/server/logs/log-context";

// A minute-aligned anchor makes the app's 1-minute buckets line up with the generator's minutes.
const anchor = new Date(Math.floor(Date.now() / 60_000) * 60_000);

describe.each(TEST_ENGINES)("overview error rate on $name equals the generator's ground truth", (engine) => {
  const index = uniqueTestIndex("overview");
  let store: LogStore;
  let truth: DemoGroundTruth;

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    truth = await seedDemoLogs(store, { index, seed: 7, anchor, targetLines: 6000 });
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  async function query(services: string[] = []) {
    return getErrorRate(
      { from: truth.windowStart, to: truth.anchor, service: services },
      createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }),
    );
  }

  it("counts requests and 5xx per service per minute exactly", async () => {
    const response = await query();
    expect(response.interval).toBe("1m");
    const actual = new Map(response.points.filter((p) => p.requests > 0).map((p) => [`${p.service} ${new Date(p.time).toISOString()}`, [p.requests, p.serverErrors]]));
    const expected = new Map(truth.perServicePerMinute.filter((row) => row.requestLines > 0).map((row) => [`${row.service} ${row.minute}`, [row.requestLines, row.status5xx]]));
    expect(actual.size).toBeGreaterThan(100);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it("computes each service's error rate from those counts, with gaps as null", async () => {
    const response = await query();
    for (const point of response.points) {
      expect(point.errorRate).toBe(point.requests === 0 ? null : point.serverErrors / point.requests);
    }
    const users = response.totals.find((total) => total.service === "users")!;
    const truthUsers = truth.perServicePerMinute.filter((row) => row.service === "users");
    expect(users.serverErrors).toBe(truthUsers.reduce((sum, row) => sum + row.status5xx, 0));
  });

  it("finds the users 500 burst at the minutes the generator placed it", async () => {
    const response = await query(["users"]);
    expect(response.services).toEqual(["users"]);
    const burst = truth.incidents.find((incident) => incident.id === "users-null-user-500")!;
    const worst = [...response.points].sort((a, b) => b.serverErrors - a.serverErrors)[0]!;
    expect(worst.time).toBeGreaterThanOrEqual(Date.parse(burst.start) - 60_000);
    expect(worst.time).toBeLessThan(Date.parse(burst.end));
  });

  it("refuses a reversed range with a 400 that says what to fix", async () => {
    await expect(getErrorRate({ from: "now", to: "now-1h", service: [] }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }))).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/must be before/) });
  });
});
