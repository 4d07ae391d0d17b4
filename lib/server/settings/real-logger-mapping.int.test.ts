import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { levelClassOf } from "@/lib/logs/level-scheme";
import { logSearchParamsSchema } from "@/lib/schemas/log-search";
import { overviewParamsSchema } from "@/lib/schemas/overview";
import { requestDrilldownParamsSchema } from "@/lib/schemas/request-drilldown";
import { bunyanKit } from "@/lib/testing/real-loggers/bunyan-kit";
import type { LoggerKit } from "@/lib/testing/real-loggers/logger-kit";
import { ecsPinoKit, pinoHttpKit } from "@/lib/testing/real-loggers/pino-kits";
import { runLoggerTraffic, type LoggerTraffic } from "@/lib/testing/real-loggers/run-logger-traffic";
import { TRAFFIC_SERVICES } from "@/lib/testing/real-loggers/traffic-plan";
import { winstonKit } from "@/lib/testing/real-loggers/winston-kit";
import type { LogStore } from "../log-store/types";
import { getLogPage } from "../logs/get-log-page";
import { createLogContext } from "../logs/log-context";
import { getOverview } from "../overview/get-overview";
import { getRequestDrilldown } from "../requests/get-request-drilldown";
import { connectTestEngine, TEST_ENGINES } from "@/lib/testing/test-engines";
import { detectFieldMapping } from "./detect-field-mapping";

const REQUESTS = 60;

/**
 * What Detect mapping must propose for each library's real output, as the engines map it
 * dynamically (strings as text + keyword, pino's epoch-millis `time` as long).
 */
const CASES: Array<{ kit: LoggerKit; expected: Partial<FieldMapping> }> = [
  {
    kit: pinoHttpKit,
    expected: { timestamp: "time", level: "level", levelScheme: "pino", service: "name.keyword", message: "msg", status: "res.statusCode", method: "req.method.keyword", path: "req.url.keyword", duration: "responseTime", durationUnit: "ms", errorType: "err.type.keyword", errorMessage: "err.message", errorStack: "err.stack", correlationIds: ["req.id.keyword"] },
  },
  {
    kit: bunyanKit,
    expected: { timestamp: "time", level: "level", levelScheme: "pino", service: "name.keyword", message: "msg", status: "res.statusCode", method: "req.method.keyword", path: "req.url.keyword", errorType: "err.name.keyword", errorMessage: "err.message", errorStack: "err.stack", correlationIds: ["req_id.keyword"] },
  },
  {
    kit: winstonKit,
    expected: { timestamp: "timestamp", level: "level.keyword", levelScheme: "names", service: "service.keyword", message: "message", status: "status", method: "method.keyword", path: "path.keyword", duration: "duration_ms", durationUnit: "ms", errorStack: "stack", correlationIds: ["request_id.keyword"] },
  },
  {
    kit: ecsPinoKit,
    expected: { timestamp: "@timestamp", level: "log.level.keyword", levelScheme: "names", service: "service.name.keyword", message: "message", status: "http.response.status_code", duration: "responseTime", durationUnit: "ms", errorType: "error.type.keyword", errorMessage: "error.message", errorStack: "error.stack_trace", correlationIds: ["req.id.keyword"] },
  },
];

describe.each(TEST_ENGINES)("logs written by real loggers on $name", (engine) => {
  let store: LogStore;
  beforeAll(async () => {
    store = await connectTestEngine(engine);
  });
  afterAll(async () => {
    await store?.close();
  });

  describe.each(CASES)("$kit.name", ({ kit, expected }) => {
    // Outside logs-triage-*: no Triage template applies, the engine maps the lines as it would anyone's.
    const index = `triage-loggers-test-${randomUUID().slice(0, 8)}`;
    let traffic: LoggerTraffic;
    let mapping: FieldMapping;
    const context = () => createLogContext({ store, settings: { indexPattern: index, mapping } });
    const range = () => ({ from: new Date(traffic.startedAt.getTime() - 60_000).toISOString(), to: new Date(traffic.endedAt.getTime() + 60_000).toISOString() });
    const search = (input: Record<string, unknown>) => getLogPage(logSearchParamsSchema.parse({ ...range(), size: 500, ...input }), context());
    const sum = (pick: (service: (typeof TRAFFIC_SERVICES)[number]) => number) => TRAFFIC_SERVICES.reduce((total, service) => total + pick(service), 0);

    beforeAll(async () => {
      traffic = await runLoggerTraffic(kit, { requests: REQUESTS, prefix: `req-${randomUUID().slice(0, 6)}` });
      const result = await store.bulkIndex(index, traffic.lines, { refresh: true });
      expect(result).toMatchObject({ indexed: traffic.lines.length, failed: 0 });
      // Nothing is saved: the proposal goes straight into a context, as if an admin pressed Save.
      const proposal = await detectFieldMapping({ indexPattern: index }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }));
      mapping = proposal.mapping;
    });
    afterAll(async () => {
      await store?.deleteIndex(index);
    });

    it("Detect mapping proposes the library's own field names and level scheme", () => {
      expect(mapping).toMatchObject(expected);
    });

    it("the overview counts requests, 5xx, ERROR and FATAL lines per service as the traffic produced them", async () => {
      const overview = await getOverview(overviewParamsSchema.parse(range()), context());
      const totals = Object.fromEntries(overview.totals.map((row) => [row.service, { requests: row.requests, status4xx: row.status4xx, status5xx: row.serverErrors, errorLines: row.errorLines, fatalLines: row.fatalLines }]));
      const want = Object.fromEntries(TRAFFIC_SERVICES.map((service) => {
        const { requests, status4xx, status5xx, errorLines, fatalLines } = traffic.truth.services[service];
        return [service, { requests, status4xx, status5xx, errorLines, fatalLines }];
      }));
      expect(totals).toEqual(want);
      expect(overview.errorPoints.reduce((total, point) => total + point.errorLines, 0)).toBe(sum((s) => traffic.truth.services[s].errorLines));
    });

    it("the explorer's level, service and status filters find exactly the traffic's lines, levels shown by name", async () => {
      expect((await search({ level: ["error"] })).total).toBe(sum((s) => traffic.truth.services[s].errorLines));
      expect((await search({ level: ["fatal"] })).total).toBe(TRAFFIC_SERVICES.length);
      expect((await search({ service: ["checkout"] })).total).toBe(traffic.truth.services.checkout.lines);
      expect((await search({ status: ["5xx"] })).total).toBe(sum((s) => traffic.truth.services[s].status5xx));
      expect((await search({ service: ["inventory"], status: ["5xx"] })).total).toBe(traffic.truth.services.inventory.status5xx);

      // A numeric scheme has no number for notice: a 400 that says why, not an empty page.
      if (mapping.levelScheme === "pino") await expect(search({ level: ["notice"] })).rejects.toMatchObject({ status: 400, fields: { level: expect.stringMatching(/pino level scheme/) } });

      const all = await search({});
      expect(all.total).toBe(traffic.lines.length);
      for (const line of all.lines) {
        expect(levelClassOf(line.level, "names"), `level ${line.level}`).not.toBeNull();
        const time = Date.parse(line.timestamp ?? "");
        expect(time).toBeGreaterThanOrEqual(traffic.startedAt.getTime());
        expect(time).toBeLessThanOrEqual(traffic.endedAt.getTime());
      }
      const levels = all.topValues.find((values) => values.field === mapping.level)!;
      expect(levels.values.map((value) => value.label ?? value.value)).toEqual(expect.arrayContaining([expect.stringMatching(/^error$/i)]));
    });

    it("the drilldown by the shared request id shows both services, the first error in inventory", async () => {
      const { id, lines, firstErrorService } = traffic.truth.drilldown;
      const drilldown = await getRequestDrilldown(requestDrilldownParamsSchema.parse({ id }), context());
      expect(drilldown.lines).toBe(lines);
      expect(drilldown.timeline.lanes.map((lane) => lane.service)).toEqual(["inventory", "checkout"]);
      expect(drilldown.firstError).toMatchObject({ service: firstErrorService, level: expect.stringMatching(/^error$/i), isFailure: true });
      expect(drilldown.timeline.lanes.flatMap((lane) => lane.marks).every((mark) => mark.isError)).toBe(true);
      expect(drilldown.logLines.map((line) => line.level?.toLowerCase())).toEqual(["error", "error", "error", "error"]);
    });
  });
});
