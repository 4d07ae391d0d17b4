import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";
import { logSearchParamsSchema } from "@/lib/schemas/log-search";
import { overviewParamsSchema } from "@/lib/schemas/overview";
import { connectTestEngine, TEST_ENGINES } from "@/lib/testing/test-engines";
import type { LogStore } from "../log-store/types";
import { getLogPage } from "../logs/get-log-page";
import { createLogContext } from "../logs/log-context";
import { getOverview } from "../overview/get-overview";
import { detectFieldMapping } from "./detect-field-mapping";

/** Per severity 0..7 (emerg … debug), how many lines of one service: syslog runs the other way from pino. */
const PER_SEVERITY = [1, 2, 3, 5, 7, 4, 20, 9];

describe.each(TEST_ENGINES)("syslog severities as numbers on $name", (engine) => {
  const index = `triage-syslog-test-${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  const range = { from: new Date(now - 10 * 60_000).toISOString(), to: new Date(now + 60_000).toISOString() };
  let store: LogStore;
  let mapping: FieldMapping;

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    // GELF-style lines: a numeric syslog severity and an ISO time, spread over the last few minutes.
    const lines = PER_SEVERITY.flatMap((count, severity) => Array.from({ length: count }, (_, i) => ({ timestamp: new Date(now - (severity * 10 + i) * 1_000).toISOString(), severity, service: "mail-relay", message: `severity ${severity} #${i}` })));
    expect(await store.bulkIndex(index, lines, { refresh: true })).toMatchObject({ indexed: lines.length, failed: 0 });
    mapping = (await detectFieldMapping({ indexPattern: index }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }))).mapping;
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("Detect proposes the syslog scheme from the values 0–7", () => {
    expect(mapping).toMatchObject({ level: "severity", levelScheme: "syslog", timestamp: "timestamp", service: "service.keyword" });
  });

  it("the overview counts err (3) as ERROR and emerg, alert, crit (0–2) as FATAL", async () => {
    const overview = await getOverview(overviewParamsSchema.parse(range), createLogContext({ store, settings: { indexPattern: index, mapping } }));
    expect(overview.totals).toEqual([expect.objectContaining({ service: "mail-relay", errorLines: 5, fatalLines: 1 + 2 + 3 })]);
  });

  it("the explorer finds syslog names, class names and numbers, and shows the keywords", async () => {
    const search = (level: string[]) => getLogPage(logSearchParamsSchema.parse({ ...range, level, size: 100 }), createLogContext({ store, settings: { indexPattern: index, mapping } }));
    expect((await search(["crit"])).total).toBe(3);
    expect((await search(["fatal"])).total).toBe(6);
    expect((await search(["error"])).total).toBe(5);
    expect((await search(["warning", "6"])).total).toBe(7 + 20);
    const page = await search(["notice"]);
    expect(page.total).toBe(4);
    expect(new Set(page.lines.map((line) => line.level))).toEqual(new Set(["notice"]));
  });
});
