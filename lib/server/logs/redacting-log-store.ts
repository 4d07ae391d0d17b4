import "server-only";
import type { RedactionRule } from "@/lib/logs/redact";
import { redactSearchResult, type RedactedHit } from "@/lib/logs/redact-search-result";
import type { CallOptions, LogStore, MsearchOptions, SearchHit, SearchRequest, SearchResult } from "../log-store/types";

export type RedactedSearchHit = RedactedHit<SearchHit>;
export type RedactedSearchResult = Omit<SearchResult, "hits"> & { hits: RedactedSearchHit[] };

/** The store a LogContext hands to verbs: every search answer comes back redacted, hits and aggregations alike. */
export interface RedactingLogStore extends LogStore {
  search(request: SearchRequest, options?: CallOptions): Promise<RedactedSearchResult>;
  msearch(requests: SearchRequest[], options?: MsearchOptions): Promise<RedactedSearchResult[]>;
}

// Calls whose answers hold no log content. A method the port grows later (a scroll, a document
// read) is refused through a context until it is redacted here, so it cannot leak by default.
const NO_LOG_CONTENT = new Set(["info", "clusterHealth", "fieldCaps", "bulkIndex", "putIndexTemplate", "openPointInTime", "closePointInTime", "refresh", "deleteIndex", "close"]);

// One wrapper per store and rule list: the field catalog is cached per store object.
const wrappers = new WeakMap<LogStore, WeakMap<readonly RedactionRule[], RedactingLogStore>>();
const REDACTING = Symbol("redacting log store");

/**
 * Wraps a store so that no verb can read an unredacted answer from it: redaction happens at the
 * one door engine answers come through, not in each shaper (which a new panel could forget).
 */
export function redactingLogStore(store: LogStore, rules: readonly RedactionRule[]): RedactingLogStore {
  if ((store as Partial<Record<typeof REDACTING, true>>)[REDACTING]) return store as RedactingLogStore;
  let byRules = wrappers.get(store);
  if (!byRules) wrappers.set(store, (byRules = new WeakMap()));
  const cached = byRules.get(rules);
  if (cached) return cached;
  const wrapper = new Proxy(store, {
    get(target, property) {
      if (property === REDACTING) return true;
      if (property === "search") return async (request: SearchRequest, options?: CallOptions) => redactSearchResult(request.body, await target.search(request, options), rules);
      if (property === "msearch") {
        return async (requests: SearchRequest[], options?: MsearchOptions) => (await target.msearch(requests, options)).map((result, i) => redactSearchResult(requests[i]!.body, result, rules));
      }
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      if (typeof property === "string" && !NO_LOG_CONTENT.has(property) && !(property in Object.prototype)) {
        return () => {
          throw new Error(`LogStore.${property} is not redacted: add it to redactingLogStore before a verb may call it`);
        };
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  }) as RedactingLogStore;
  byRules.set(rules, wrapper);
  return wrapper;
}
