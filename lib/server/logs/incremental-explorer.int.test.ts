import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { logSearchParamsSchema } from "@/lib/schemas/log-search";
import { alignViewWindow } from "@/lib/time/align-window";
import { countEngineCalls } from "@/lib/testing/count-engine-calls";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { trafficLine } from "@/lib/testing/traffic-lines";
import { ensureLogIndexTemplate } from "../log-store/ensure-log-index-template";
import type { LogStore } from "../log-store/types";
import { getExplorerSummary } from "./get-explorer-summary";
import { createLogContext, resolveViewRange } from "./log-context";
import { prepareLogView } from "./prepare-log-view";
import { ViewCache } from "./view-cache";

const minute = 60_000;
const topFields = [{ name: "top_0", field: "service.name", label: "service.name" }];

describe.each(TEST_ENGINES)("incremental explorer histogram on $name", (engine) => {
  const index = uniqueTestIndex("incremental-explorer");
  let store: LogStore;
  let counter = 0;
  const start = Math.floor(Date.now() / minute) * minute - 10 * minute + 3_000;

  async function write(times: number[]) {
    expect((await store.bulkIndex(index, times.map((at) => trafficLine(at, counter++)), { refresh: true })).failed).toBe(0);
  }
  async function summary(now: number, cache: ViewCache | undefined, q = "", target: LogStore = store) {
    const params = logSearchParamsSchema.parse({ from: "now-30m", to: "now", q });
    const context = createLogContext({ store: target, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING }, now: new Date(now), ...(cache ? { viewCache: cache } : {}) });
    const window = alignViewWindow(params, resolveViewRange(params, context));
    const view = await prepareLogView(params, context, window);
    return getExplorerSummary(context, { params, window, queryFields: view.queryFields, topFields });
  }

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    await ensureLogIndexTemplate(store);
    await write(Array.from({ length: 400 }, (_, i) => start - 35 * minute + i * 5_000 + (i % 3) * 77));
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("equals a full count of the same aligned window after every refresh, late lines inside the settle lag included", async () => {
    const cache = new ViewCache({ maxBytes: 4 * 1024 * 1024, settleLagMs: 2 * minute, reuseMs: 5_000, topListsMs: minute });
    for (let step = 0; step < 16; step++) {
      const now = start + step * 5_000;
      if (step > 0) await write([now - 500, now - 40_000 - step * 2_000, now - 110_000]);
      for (const q of ["", "service.name:users"]) {
        const counting = countEngineCalls(store);
        const incremental = await summary(now, cache, q, counting.store);
        const full = await summary(now, undefined, q);
        expect(incremental.histogram, `step ${step} q=${q}`).toEqual(full.histogram);
        expect(incremental.total).toBe(full.total);
        expect(incremental.total).toBeGreaterThan(0);
        // The settle lag (four 30 s buckets), the open bucket and the instant `to` itself.
        if (step > 0) expect(incremental.freshness.buckets.queried, `step ${step}`).toBeLessThanOrEqual(7);
        // Field catalog (cached per store) aside, one _msearch at most.
        expect(counting.calls.filter((call) => call === "msearch").length).toBeLessThanOrEqual(1);
      }
    }
  });
});
