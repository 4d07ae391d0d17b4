import "server-only";
import { createHash } from "node:crypto";
import { ByteLru } from "@/lib/cache/byte-lru";
import { InFlight } from "@/lib/cache/coalesce";
import type { RedactionRule } from "@/lib/logs/redact";
import { getEnv } from "../env";
import type { MsearchOptions, SearchRequest } from "../log-store/types";
import type { ReadSource } from "./log-context";
import type { RedactedSearchResult, RedactingLogStore } from "./redacting-log-store";

export interface ViewCacheOptions {
  /** Byte budget of cached answers (closed buckets, top lists, recent whole answers); LRU beyond it. */
  maxBytes: number;
  /** Buckets ending less than this before now are asked for again on every refresh (late lines). */
  settleLagMs: number;
  /** An identical engine request within this long reuses the answer (viewers refreshing every 5 s share one). */
  reuseMs: number;
  /** Top lists (not sums of buckets) are recomputed this often at most, and say "as of" when. */
  topListsMs: number;
}

export interface ViewCacheStats {
  /** _msearch calls actually sent to the engine. */
  engineRequests: number;
  /** Searches inside them. */
  engineSearches: number;
  /** Requests answered by joining one already in flight, or by a recent identical answer. */
  coalesced: number;
  reused: number;
}

/**
 * Per app instance (the web tier stays stateless: another instance merely has its own). Every
 * key carries the source's identity and version, its index pattern and mapping (in the bodies)
 * and the redaction rules, so a settings change can never be answered from before it;
 * `invalidate()` additionally frees the memory at once on the instance that saved it.
 * A miss or an eviction is only slower, never wrong.
 */
export class ViewCache {
  readonly lru: ByteLru;
  readonly stats: ViewCacheStats = { engineRequests: 0, engineSearches: 0, coalesced: 0, reused: 0 };
  private readonly inFlight = new InFlight();
  /** Per index pattern: a print of the concrete indices behind it, and when it was read. */
  private readonly indexSets = new Map<string, { print: string; at: number }>();

  constructor(readonly options: ViewCacheOptions) {
    this.lru = new ByteLru(options.maxBytes);
  }

  invalidate(): void {
    this.lru.clear();
    this.indexSets.clear();
  }

  /**
   * A print of the indices a pattern names now, read at most once per reuse grain (at least 1 s)
   * and shared by every view. It is part of every cached bucket's and top list's key, so an index
   * that appears (a backfill into a new index, a rollover) or goes (retention) is never answered
   * from answers made without it.
   */
  async indexSetPrint(store: RedactingLogStore, pattern: string, field: string, now: Date, signal?: AbortSignal): Promise<string> {
    const known = this.indexSets.get(pattern);
    const grain = Math.max(this.options.reuseMs, 1_000);
    if (known && now.getTime() - known.at >= 0 && now.getTime() - known.at < grain) return known.print;
    const indices = await this.inFlight.run(`indices|${pattern}`, async (inner) => (await store.fieldCaps(pattern, [field], { signal: inner })).indices, signal);
    const print = hash(JSON.stringify([...indices].sort()));
    this.indexSets.set(pattern, { print, at: now.getTime() });
    return print;
  }

  /**
   * One _msearch through the store, shared: identical requests in flight join the first, and an
   * identical one answered less than `reuseMs` ago (by the caller's clock) is answered again.
   */
  async msearch(store: RedactingLogStore, requests: SearchRequest[], options: MsearchOptions & { now: Date; rules: readonly RedactionRule[] }): Promise<RedactedSearchResult[]> {
    // The same searches redacted under other rules are other answers.
    const key = `msearch|${options.settle ? 1 : 0}|${store.engine}|${rulesPrint(options.rules)}|${hash(JSON.stringify(requests))}`;
    const recent = this.options.reuseMs > 0 ? this.lru.get<{ at: number; results: RedactedSearchResult[] }>(key) : undefined;
    const age = recent ? options.now.getTime() - recent.at : Infinity;
    if (recent && age >= 0 && age < this.options.reuseMs) {
      this.stats.reused++;
      return recent.results;
    }
    let sent = false;
    const results = await this.inFlight.run(
      key,
      async (signal) => {
        sent = true;
        this.stats.engineRequests++;
        this.stats.engineSearches += requests.length;
        const answered = await store.msearch(requests, { settle: options.settle, signal });
        // Answers with a failed search are not kept: an Error does not survive JSON, and a retry may succeed.
        if (this.options.reuseMs > 0 && answered.every((result) => !result.error)) this.lru.set(key, { at: options.now.getTime(), results: answered });
        return answered;
      },
      options.signal,
    );
    if (!sent) this.stats.coalesced++;
    return results;
  }
}

/** Caches nothing and shares nothing: what contexts built for tests and jobs get unless they pass a cache. */
export const noViewCache = (): ViewCache => new ViewCache({ maxBytes: 0, settleLagMs: 0, reuseMs: 0, topListsMs: 0 });

let instance: ViewCache | undefined;

/** The instance's cache, sized by VIEW_CACHE_MB, VIEW_SETTLE_LAG_SECONDS, VIEW_REUSE_SECONDS and VIEW_TOP_LISTS_SECONDS. */
export function getViewCache(): ViewCache {
  if (!instance) {
    const env = getEnv();
    instance = new ViewCache({
      maxBytes: env.VIEW_CACHE_MB * 1024 * 1024,
      settleLagMs: env.VIEW_SETTLE_LAG_SECONDS * 1000,
      reuseMs: env.VIEW_REUSE_SECONDS * 1000,
      topListsMs: env.VIEW_TOP_LISTS_SECONDS * 1000,
    });
  }
  return instance;
}

/** Called after every source write on this instance: cached answers of old settings go at once. */
export function invalidateViewCache(): void {
  instance?.invalidate();
}

export const hash = (text: string): string => createHash("sha1").update(text).digest("base64url");

const rulePrints = new WeakMap<readonly RedactionRule[], string>();

function rulesPrint(rules: readonly RedactionRule[]): string {
  let print = rulePrints.get(rules);
  if (print === undefined) rulePrints.set(rules, (print = hash(JSON.stringify(rules))));
  return print;
}

/**
 * What makes one source's answers differ besides the query: which source (its id and version
 * when saved; pattern and mapping besides, for the LOGS_INDEX default, which has no version)
 * and the redaction rules the answers were redacted under.
 */
export function sourceKey(source: ReadSource, rules: readonly RedactionRule[], indexPrint = ""): string {
  const rulePrint = rulesPrint(rules);
  const saved = source as ReadSource & { id?: string; version?: number; updatedAt?: string | null };
  return hash(JSON.stringify([saved.name, saved.id ?? null, saved.version ?? null, saved.updatedAt ?? null, source.indexPattern, source.mapping, source.defaultQueryFields ?? null, rulePrint, indexPrint]));
}
