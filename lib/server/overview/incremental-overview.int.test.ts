import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import type { OverviewParams, OverviewResponse } from "@/lib/schemas/overview";
import { countEngineCalls } from "@/lib/testing/count-engine-calls";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { ensureLogIndexTemplate } from "../log-store/ensure-log-index-template";
import type { LogStore } from "../log-store/types";
import { createLogContext, type ReadSource } from "../logs/log-context";
import { ViewCache } from "../logs/view-cache";
import { getOverview } from "./get-overview";
import { SERVICES, trafficLine as line } from "@/lib/testing/traffic-lines";

const minute = 60_000;
const SETTLE_LAG_MS = 2 * minute;


/** What the overview must show bucket by bucket: a cached answer and a full one compared on these. */
const series = (response: OverviewResponse) => ({ from: response.from, to: response.to, services: response.services, points: response.points, errorServices: response.errorServices, errorPoints: response.errorPoints, totals: response.totals });
const tops = (response: OverviewResponse) => ({ topEndpoints: response.topEndpoints, topErrors: response.topErrors, available: response.available });

describe.each(TEST_ENGINES)("incremental overview on $name", (engine) => {
  const index = uniqueTestIndex("incremental");
  let store: LogStore;
  let counter = 0;
  // The clock the views run on: a few seconds past a minute, so refreshes cross bucket edges.
  const start = Math.floor(Date.now() / minute) * minute - 10 * minute + 7_000;
  const source = (version = 1): ReadSource => ({ name: "default", indexPattern: index, mapping: ECS_FIELD_MAPPING, ...{ id: "s1", version } });
  const params: OverviewParams = { from: "now-1h", to: "now", service: [], environment: [], source: [] };

  async function write(times: number[]) {
    const result = await store.bulkIndex(index, times.map((at) => line(at, counter++)), { refresh: true });
    expect(result.failed).toBe(0);
  }
  const view = (cache: ViewCache, now: number, target: LogStore = store, sources = [source()]) => getOverview(params, createLogContext({ store: target, sources, now: new Date(now), viewCache: cache }));
  const full = (now: number, sources = [source()]) => getOverview(params, createLogContext({ store, sources, now: new Date(now) }));
  const newCache = () => new ViewCache({ maxBytes: 16 * 1024 * 1024, settleLagMs: SETTLE_LAG_MS, reuseMs: 5_000, topListsMs: minute });

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    await ensureLogIndexTemplate(store);
    // 70 minutes of history, a line every 7 s or so.
    await write(Array.from({ length: 600 }, (_, i) => start - 70 * minute + i * 7_000 + (i % 5) * 113));
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("equals a full query of the same aligned window after every refresh, late lines inside the settle lag included", async () => {
    const cache = newCache();
    const fullTopsAt = new Map<string, ReturnType<typeof tops>>();
    let refreshesAfterFirst = 0;
    for (let step = 0; step < 20; step++) {
      const now = start + step * 5_000;
      if (step > 0) {
        // New lines at "now", and late ones a shipper delivers 30 s to 100 s behind (inside the 2-minute settle lag).
        await write([now - 1_000, now - 200, now - 30_000 - step * 3_000, now - 100_000 + step * 500]);
      }
      const counting = countEngineCalls(store);
      const [incremental, whole] = await Promise.all([view(cache, now, counting.store), full(now)]);
      expect(series(incremental), `step ${step}`).toEqual(series(whole));
      expect(incremental.freshness.aligned).toEqual({ from: true, to: true });
      expect(new Date(incremental.to).getTime() % minute).toBe(0);
      const asOf = incremental.freshness.topLists!.asOf;
      if (asOf === new Date(now).toISOString()) fullTopsAt.set(asOf, tops(whole));
      // Top lists are exact for the time they claim: the full answer of that moment.
      expect(tops(incremental), `top lists as of ${asOf}`).toEqual(fullTopsAt.get(asOf));
      expect(counting.calls.filter((call) => call === "msearch").length).toBeLessThanOrEqual(1);
      // The index listing behind the cache key: at most once per reuse grain, shared by every view.
      expect(counting.calls.filter((call) => call === "fieldCaps").length).toBeLessThanOrEqual(1);
      if (step > 0) {
        refreshesAfterFirst++;
        // Only the open tail and the settle lag (a few buckets per series) went to the engine.
        expect(incremental.freshness.buckets.queried, `step ${step}`).toBeLessThanOrEqual(2 * 4 * SERVICES.length);
        expect(incremental.freshness.buckets.cached).toBeGreaterThan(100);
      }
    }
    expect(refreshesAfterFirst).toBe(19);
    expect(fullTopsAt.size).toBeGreaterThanOrEqual(2);
  });

  it("trades lines later than the settle lag for speed, and an invalidation brings them in", async () => {
    const cache = newCache();
    const now = start + 200_000;
    await view(cache, now);
    await write([now - 20 * minute]);
    const stale = await view(cache, now + 6_000);
    const truth = await full(now + 6_000);
    expect(series(stale)).not.toEqual(series(truth));
    cache.invalidate();
    expect(series(await view(cache, now + 12_000))).toEqual(series(await full(now + 12_000)));
  });

  it("asks the engine again when a source's version or mapping changes", async () => {
    const cache = newCache();
    const now = start + 300_000;
    await view(cache, now);
    await view(cache, now + 1_000);
    // The same tail a second later is the answer just given: reused within the refresh grain.
    const counting = countEngineCalls(store);
    await view(cache, now + 2_000, counting.store);
    expect(counting.calls).toEqual([]);
    const bumped = await view(cache, now + 6_000, counting.store, [source(2)]);
    expect(counting.calls.filter((call) => call === "msearch")).toEqual(["msearch"]);
    expect(bumped.freshness.buckets.cached).toBe(0);
    const remapped = [{ ...source(2), mapping: { ...ECS_FIELD_MAPPING, service: "service.environment" } }];
    const byEnvironment = await view(cache, now + 7_000, store, remapped);
    expect(byEnvironment.services).toEqual(["production"]);
  });

  it("sends one engine request for 50 identical views at once", async () => {
    const cache = newCache();
    const counting = countEngineCalls(store);
    const now = start + 400_000;
    const answers = await Promise.all(Array.from({ length: 50 }, () => view(cache, now, counting.store)));
    // One listing of the indices behind the key, then one _msearch, for all 50.
    expect(counting.calls).toEqual(["fieldCaps", "msearch"]);
    for (const answer of answers) expect(series(answer)).toEqual(series(answers[0]!));
    expect(cache.stats.coalesced).toBe(49);
  });

  it("never answers from buckets made before an index appeared or went, even one far older than the settle lag", async () => {
    const cache = newCache();
    const now = start + 500_000;
    const wider = [{ ...source(), indexPattern: `${index}*` }];
    const requests = (response: OverviewResponse) => response.totals.reduce((sum, total) => sum + total.requests, 0);
    const before = await view(cache, now, store, wider);
    // A backfill (or a test's seed) into a new index under the pattern, 30 minutes back: its buckets are long closed.
    const backfill = `${index}-backfill`;
    await store.bulkIndex(backfill, [line(now - 30 * minute, counter++), line(now - 30 * minute + 1_000, counter++)], { refresh: true });
    try {
      const withBackfill = await view(cache, now + 6_000, store, wider);
      expect(series(withBackfill)).toEqual(series(await full(now + 6_000, wider)));
      expect(requests(withBackfill)).toBeGreaterThan(requests(before));
      await store.deleteIndex(backfill);
      // Retention deleting an index: the next view past the reuse grain no longer counts its lines.
      const afterDelete = await view(cache, now + 12_000, store, wider);
      expect(series(afterDelete)).toEqual(series(await full(now + 12_000, wider)));
      expect(requests(afterDelete)).toBe(requests(before));
    } finally {
      await store.deleteIndex(backfill).catch(() => {});
    }
  });
});
