import type { LogStore, SearchResult } from "@/lib/server/log-store/types";

export interface RoundTripTally {
  roundTrips: number;
  /** Sum of the engine's own `took` over the searches answered. */
  tookMs: number;
}

export interface CountingStore {
  store: LogStore;
  /** What was counted since the last call, then starts over. */
  take(): RoundTripTally;
}

const SEARCH_METHODS = new Set<PropertyKey>(["search", "msearch"]);

/** Wraps a LogStore so every search or msearch call counts as one engine round trip. */
export function countRoundTrips(inner: LogStore): CountingStore {
  let tally: RoundTripTally = { roundTrips: 0, tookMs: 0 };
  const record = (result: SearchResult | SearchResult[]) => {
    for (const item of Array.isArray(result) ? result : [result]) tally.tookMs += item.took;
    return result;
  };
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (!SEARCH_METHODS.has(property) || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        tally.roundTrips += 1;
        return record(await (value as (...a: unknown[]) => Promise<SearchResult | SearchResult[]>).apply(target, args));
      };
    },
  });
  return {
    store,
    take() {
      const taken = tally;
      tally = { roundTrips: 0, tookMs: 0 };
      return taken;
    },
  };
}
