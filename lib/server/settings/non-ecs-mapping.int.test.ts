import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNonEcsLogs, NON_ECS_DETECTED_MAPPING, NON_ECS_SERVICES, type NonEcsTruth } from "@/lib/demo/non-ecs-logs";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { logExportParamsSchema } from "@/lib/schemas/log-export";
import { logSearchParamsSchema } from "@/lib/schemas/log-search";
import type { LogStore } from "../log-store/types";
import { exportLogLines } from "../logs/export-log-lines";
import { getSurroundingLines } from "../logs/get-surrounding-lines";
import { getLogPage } from "../logs/get-log-page";
import { getErrorRate } from "../overview/get-error-rate";
import { connectTestEngine, TEST_ENGINES } from "@/lib/testing/test-engines";
import { detectFieldMapping } from "./detect-field-mapping";
import { createLogContext } from "@/lib/server/logs/log-context";

// A minute-aligned anchor so the overview's buckets cover the written range exactly.
const anchor = Math.floor(Date.now() / 60_000) * 60_000;

describe.each(TEST_ENGINES)("logs with non-ECS field names on $name", (engine) => {
  // Outside logs-triage-*: no Triage template applies, so the engine maps the strings dynamically
  // (text plus a .keyword sub-field), as it would for anyone's own logs.
  const index = `triage-nonecs-test-${randomUUID().slice(0, 8)}`;
  let store: LogStore;
  let truth: NonEcsTruth;
  let mapping: FieldMapping;
  const settings = () => ({ indexPattern: index, mapping });

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    const built = buildNonEcsLogs({ count: 200, anchor, minutes: 30, seed: 11 });
    truth = built.truth;
    const result = await store.bulkIndex(index, built.lines as unknown as Record<string, unknown>[], { refresh: true });
    expect(result).toMatchObject({ indexed: 200, failed: 0 });
    mapping = (await detectFieldMapping({ indexPattern: index }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }))).mapping;
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("detects the non-ECS fields, keyword sub-fields for what is filtered and counted, durations in ms", async () => {
    const proposal = await detectFieldMapping({ indexPattern: index }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }));
    expect(proposal.indexCount).toBe(1);
    expect(proposal.mapping).toEqual(NON_ECS_DETECTED_MAPPING);
    const byConcept = Object.fromEntries(proposal.concepts.map((c) => [c.concept, c]));
    expect(byConcept.timestamp).toMatchObject({ found: true, type: "date" });
    expect(byConcept.status).toMatchObject({ found: true, type: "long" });
    expect(byConcept.service).toMatchObject({ found: true, type: "keyword", note: expect.stringMatching(/text/) });
    expect(byConcept.errorType).toMatchObject({ found: false });
    expect(proposal.notices).toEqual([]);
  });

  it("the overview counts requests and 5xx per service exactly with that mapping", async () => {
    const response = await getErrorRate({ from: truth.from, to: new Date(anchor).toISOString(), service: [] }, createLogContext({ store, settings: settings() }));
    expect(response.services.sort()).toEqual([...NON_ECS_SERVICES].sort());
    const totals = Object.fromEntries(response.totals.map((total) => [total.service, [total.requests, total.serverErrors]]));
    expect(totals).toEqual(Object.fromEntries(NON_ECS_SERVICES.map((service) => [service, [truth.services[service]!.requests, truth.services[service]!.status5xx]])));
  });

  it("the log lines show the right service, level and message, and the filters work", async () => {
    const search = (input: Record<string, unknown>) => getLogPage(logSearchParamsSchema.parse({ from: truth.from, to: new Date(anchor).toISOString(), size: 500, ...input }), createLogContext({ store, settings: settings() }));
    const all = await search({});
    expect(all.total).toBe(200);
    for (const line of all.lines) {
      expect(line.service).toBe(line.source.service);
      expect(line.level).toBe(line.source.level);
      expect(line.message).toBe(line.source.msg);
      expect(line.timestamp).toBe(line.source.timestamp);
    }
    expect((await search({ service: ["checkout-api"], status: ["5xx"] })).total).toBe(truth.services["checkout-api"]!.status5xx);
    const errors = Object.values(truth.services).reduce((sum, s) => sum + s.errorLines, 0);
    expect((await search({ level: ["ERROR"] })).total).toBe(errors);
  });

  it("surrounding lines and exports read the mapped fields too", async () => {
    const page = await getLogPage(logSearchParamsSchema.parse({ from: truth.from, to: new Date(anchor).toISOString(), service: ["inventory"], size: 50 }), createLogContext({ store, settings: settings() }));
    const around = await getSurroundingLines({ id: page.lines[10]!.id, before: 5, after: 5 }, createLogContext({ store, settings: settings() }));
    expect(around.service).toBe("inventory");
    expect(around.lines).toHaveLength(11);
    expect(around.lines.every((line) => line.service === "inventory")).toBe(true);

    const file = await exportLogLines(logExportParamsSchema.parse({ format: "csv", from: truth.from, to: new Date(anchor).toISOString(), service: ["shipping"] }), createLogContext({ store, settings: settings()}), { maxLines: 1000  });
    const rows = (await new Response(file.body).text()).trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(truth.services.shipping!.lines);
    expect(rows.every((row) => row.split(",")[1] === "shipping")).toBe(true);
  });
});
