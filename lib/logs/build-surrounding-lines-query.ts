import type { FieldMapping } from "@/lib/schemas/field-mapping";

type Order = "asc" | "desc";

/**
 * Time, then the document's position as the tie-break: `_doc` is sortable on both engines
 * without a point in time (sorting on `_id` is refused by Elasticsearch 8+).
 */
export function surroundingSort(mapping: FieldMapping, order: Order): unknown[] {
  return [{ [mapping.timestamp]: { order, unmapped_type: "date" } }, { _doc: { order } }];
}

/** Finds the anchor by engine id within the configured pattern; its sort values place it in time. */
export function buildAnchorLookupQuery(id: string, mapping: FieldMapping): Record<string, unknown> {
  return { size: 2, track_total_hits: true, query: { ids: { values: [id] } }, sort: surroundingSort(mapping, "asc") };
}

export interface SurroundingQueryInput {
  mapping: FieldMapping;
  /** The anchor's service; null matches lines that have none. */
  service: string | null;
  /** The anchor's sort values from the lookup. */
  anchorSort: unknown[];
  before: number;
  after: number;
}

/**
 * Two searches for one _msearch: the `before` nearest lines going back and the `after` nearest
 * going forward, both from the anchor's sort position. search_after on (time, _doc) splits lines
 * with the anchor's exact timestamp deterministically and never returns the anchor itself.
 */
export function buildSurroundingQueries(input: SurroundingQueryInput): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const { mapping, service, anchorSort } = input;
  const sameService = service === null ? { bool: { must_not: [{ exists: { field: mapping.service } }] } } : { term: { [mapping.service]: service } };
  const side = (order: Order, size: number) => ({
    size,
    track_total_hits: false,
    query: { bool: { filter: [sameService] } },
    sort: surroundingSort(mapping, order),
    search_after: anchorSort,
  });
  return { before: side("desc", input.before), after: side("asc", input.after) };
}

/** Oldest first: the `before` hits arrive newest first, so they are reversed ahead of the anchor. */
export function orderSurroundingHits<T>(before: readonly T[], anchor: T, after: readonly T[]): Array<{ hit: T; anchor: boolean }> {
  return [...[...before].reverse().map((hit) => ({ hit, anchor: false })), { hit: anchor, anchor: true }, ...after.map((hit) => ({ hit, anchor: false }))];
}
