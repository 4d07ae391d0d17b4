import type { FieldMapping } from "@/lib/schemas/field-mapping";

/** How long an explorer point in time lives between two page requests (each request renews it). */
export const PIT_KEEP_ALIVE_SECONDS = 300;
export const TOP_VALUES_SIZE = 10;

export interface LogPageQueryInput {
  filters: unknown[];
  mapping: Pick<FieldMapping, "timestamp">;
  size: number;
  order: "asc" | "desc";
  from: Date;
  to: Date;
  /** fixed_interval of the histogram ("1m"). */
  interval: string;
  /** Fields whose top values come back with the page, keyed by the name the aggregation gets. */
  topFields: Array<{ name: string; field: string }>;
  /** Absent for live pages; set for every page read through a point in time. */
  pit?: { id: string; keepAlive: string; after?: unknown[]; direction: "next" | "prev" };
  /** A live page after the first (no point in time): search_after on the time alone, `order` being the read order. */
  liveAfter?: [number];
  /**
   * False for the live first page, whose histogram, total and top values come incrementally
   * (get-explorer-summary.ts): the page search is then lines only, with no count and no aggregation.
   */
  summary?: boolean;
}

/** search_after sentinel below every _shard_doc: [ts, -1] resumes at the first line sharing ts. */
export const BEFORE_ANY_SHARD_DOC = -1;

/**
 * The sort of a page. The live first page sorts by time only (no point in time, so no _shard_doc);
 * pages in a point in time add _shard_doc ascending as the tiebreaker, so a search_after of
 * [ts, -1] includes every line at ts. Reading backwards ("prev") flips both.
 */
export function logPageSort(timestampField: string, order: "asc" | "desc", pit?: { direction: "next" | "prev" }): unknown[] {
  // numeric_type "date" keeps sort values in epoch millis even for date_nanos fields, which JSON would round.
  const time = (direction: "asc" | "desc") => ({ [timestampField]: { order: direction, numeric_type: "date" } });
  if (!pit) return [time(order)];
  if (pit.direction === "next") return [time(order), { _shard_doc: { order: "asc" } }];
  return [time(order === "desc" ? "asc" : "desc"), { _shard_doc: { order: "desc" } }];
}

/** One search that answers the whole view: the page, exact total, histogram and top values. */
export function buildLogPageQuery(input: LogPageQueryInput): Record<string, unknown> {
  const { mapping, pit } = input;
  const body: Record<string, unknown> = {
    size: input.size,
    track_total_hits: input.summary !== false,
    query: { bool: { filter: input.filters } },
    sort: logPageSort(mapping.timestamp, input.order, pit),
  };
  if (input.summary !== false) {
    body["aggs"] = {
      histogram: {
        date_histogram: {
          field: mapping.timestamp,
          fixed_interval: input.interval,
          min_doc_count: 0,
          extended_bounds: { min: input.from.getTime(), max: input.to.getTime() },
        },
      },
      ...topValuesAggs(input.topFields),
    };
  }
  if (pit) {
    body["pit"] = { id: pit.id, keep_alive: pit.keepAlive };
    if (pit.after) body["search_after"] = pit.after;
  } else if (input.liveAfter) {
    body["search_after"] = input.liveAfter;
  }
  return body;
}

export function topValuesAggs(fields: Array<{ name: string; field: string }>): Record<string, unknown> {
  return Object.fromEntries(fields.map(({ name, field }) => [name, { terms: { field, size: TOP_VALUES_SIZE } }]));
}

/** One field's top values under the view's filters, counted by the engine. */
export function buildFieldValuesQuery(filters: unknown[], field: string): Record<string, unknown> {
  return { size: 0, track_total_hits: true, query: { bool: { filter: filters } }, aggs: topValuesAggs([{ name: "values", field }]) };
}
