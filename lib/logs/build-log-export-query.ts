import type { FieldMapping } from "@/lib/schemas/field-mapping";

export interface LogExportPageInput {
  /** buildLogFilters() of the explorer view being exported. */
  filters: unknown[];
  mapping: FieldMapping;
  order: "asc" | "desc";
  size: number;
  pit: { id: string; keepAlive: string };
  /** The last hit's sort values of the previous page; absent on the first page. */
  searchAfter?: unknown[];
}

/**
 * One page of an export: time order with `_shard_doc` as the tie-break, which is unique within a
 * point in time on both engines (`_id` is not sortable on Elasticsearch 8+). Only the first page
 * counts the total, exactly.
 */
export function buildLogExportPage(input: LogExportPageInput): Record<string, unknown> {
  const body: Record<string, unknown> = {
    size: input.size,
    track_total_hits: input.searchAfter === undefined,
    query: { bool: { filter: input.filters } },
    sort: [{ [input.mapping.timestamp]: { order: input.order, unmapped_type: "date" } }, { _shard_doc: { order: input.order } }],
    pit: { id: input.pit.id, keep_alive: input.pit.keepAlive },
  };
  if (input.searchAfter) body.search_after = input.searchAfter;
  return body;
}

/** How many lines the next page should ask for: a full batch, or what is left under the cap. */
export function nextPageSize(batchSize: number, cap: number, exported: number): number {
  return Math.max(0, Math.min(batchSize, cap - exported));
}
