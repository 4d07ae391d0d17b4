import type { LogStore, SearchRequest, SearchResult } from "@/lib/server/log-store/types";

/** The LogStore calls that reach the engine while a view is answered; each is one round trip. */
export const ROUND_TRIP_METHODS = ["search", "msearch", "fieldCaps", "openPointInTime", "closePointInTime"] as const;
export type RoundTripMethod = (typeof ROUND_TRIP_METHODS)[number];

export interface RoundTripTally {
  roundTrips: number;
  /** The engine's own `took` per search round trip (see msearchTook), summed; field caps and points in time report none. */
  tookMs: number;
  /** Round trips by LogStore method, so a cached `_field_caps` that expired shows as what it is. */
  calls: Partial<Record<RoundTripMethod, number>>;
  /** The requests of every search and msearch, in order: the raw cases replay them byte for byte. */
  searches: SearchRequest[][];
}

export interface CountingStore {
  store: LogStore;
  /** What was counted since the last call, then starts over. */
  take(): RoundTripTally;
}

/**
 * The engine's time for one `_msearch`: its slowest search. The searches of one msearch run side
 * by side on the engine, so their sum would overstate what the caller waited for.
 */
export function msearchTook(items: ReadonlyArray<{ took?: number }>): number {
  return items.reduce((slowest, item) => Math.max(slowest, item.took ?? 0), 0);
}

const COUNTED = new Set<PropertyKey>(ROUND_TRIP_METHODS);
const empty = (): RoundTripTally => ({ roundTrips: 0, tookMs: 0, calls: {}, searches: [] });

/**
 * Wraps a LogStore so every call that goes to the engine counts as one round trip: searches, and
 * also `_field_caps` and point-in-time calls, which a view makes besides its searches.
 */
export function countRoundTrips(inner: LogStore): CountingStore {
  let tally = empty();
  const record = (method: RoundTripMethod, args: unknown[], result: unknown) => {
    if (method === "search") tally.searches.push([args[0] as SearchRequest]);
    if (method === "msearch") tally.searches.push(args[0] as SearchRequest[]);
    if (method === "search") tally.tookMs += (result as SearchResult).took;
    if (method === "msearch") tally.tookMs += msearchTook(result as SearchResult[]);
    return result;
  };
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (!COUNTED.has(property)) return value.bind(target);
      const method = property as RoundTripMethod;
      return async (...args: unknown[]) => {
        tally.roundTrips += 1;
        tally.calls[method] = (tally.calls[method] ?? 0) + 1;
        return record(method, args, await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      };
    },
  });
  return {
    store,
    take() {
      const taken = tally;
      tally = empty();
      return taken;
    },
  };
}

/** What the counting store saw during one verb call, as a bench sample. */
export function verbSample(counting: CountingStore, matched: number): { roundTrips: number; tookMs: number; matched: number; calls: RoundTripTally["calls"] } {
  const { roundTrips, tookMs, calls } = counting.take();
  return { roundTrips, tookMs, calls, matched };
}
