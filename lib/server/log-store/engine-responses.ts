import "server-only";
import { errorFromEngineResponse, type EngineContext } from "./engine-errors";
import type { BulkResult, SearchHit, SearchRequest, SearchResult } from "./types";

interface RawSearchResponse {
  took?: number;
  hits?: { total?: number | { value: number; relation?: string }; hits?: SearchHit[] };
  aggregations?: Record<string, unknown>;
  pit_id?: string;
  _shards?: { total?: number };
  error?: unknown;
  status?: number;
}

/** Engine-neutral shape; without a tracked total (track_total_hits: false) the page size stands in. */
export function toSearchResult(raw: unknown): SearchResult {
  const response = raw as RawSearchResponse;
  const hits = response.hits?.hits ?? [];
  const total = response.hits?.total;
  const result: SearchResult = {
    took: response.took ?? 0,
    total: typeof total === "number" ? total : (total?.value ?? hits.length),
    totalRelation: typeof total === "object" && total.relation === "gte" ? "gte" : total === undefined ? "gte" : "eq",
    hits,
  };
  if (response.aggregations) result.aggregations = response.aggregations;
  if (response.pit_id) result.pitId = response.pit_id;
  if (typeof response._shards?.total === "number") result.shards = response._shards.total;
  return result;
}

/**
 * msearch answers in request order; a failed item fails the call with that item's error, or,
 * with `settle`, comes back empty carrying it.
 */
export function toSearchResults(context: EngineContext, responses: unknown[] | undefined, requests: SearchRequest[], settle = false): SearchResult[] {
  const items = (responses ?? []) as RawSearchResponse[];
  if (items.length !== requests.length) throw errorFromEngineResponse(context, 502, `msearch returned ${items.length} responses for ${requests.length} searches`);
  return items.map((item, index) => {
    if (!item.error) return toSearchResult(item);
    const error = errorFromEngineResponse(context, item.status ?? 500, item.error, { pointInTime: usesPointInTime(requests[index]!) });
    if (!settle) throw error;
    return { took: 0, total: 0, totalRelation: "eq", hits: [], error };
  });
}

/** A search against a point in time names no index: the engines refuse both together. */
export function usesPointInTime(request: SearchRequest): boolean {
  return request.body["pit"] !== undefined;
}

interface RawBulkResponse {
  items?: Record<string, { status?: number; error?: { type?: string; reason?: string } }>[];
}

export function summarizeBulk(raw: unknown, into: BulkResult): void {
  for (const item of (raw as RawBulkResponse).items ?? []) {
    const action = Object.values(item)[0];
    if (action?.error) {
      into.failed += 1;
      into.firstError ??= `${action.error.type ?? "error"}: ${action.error.reason ?? "unknown reason"}`;
    } else {
      into.indexed += 1;
    }
  }
}

/** Bulk bodies stay a few MB at most: documents go in batches of this many. */
export const BULK_BATCH_SIZE = 5_000;

export function bulkBatches(index: string, documents: Record<string, unknown>[]): Record<string, unknown>[][] {
  const batches: Record<string, unknown>[][] = [];
  for (let start = 0; start < documents.length; start += BULK_BATCH_SIZE) {
    batches.push(documents.slice(start, start + BULK_BATCH_SIZE).flatMap((doc) => [{ index: { _index: index } }, doc]));
  }
  return batches;
}

/** The version in an answer to `_nodes/_local?filter_path=nodes.*.version`, which both engines serve. */
export function readNodeVersion(body: unknown): string | undefined {
  const nodes = (body as { nodes?: Record<string, { version?: string }> } | undefined)?.nodes;
  return Object.values(nodes ?? {})[0]?.version;
}
