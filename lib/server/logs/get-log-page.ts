import "server-only";
import { buildLogPageQuery, PIT_KEEP_ALIVE } from "@/lib/logs/build-log-page-query";
import { countableField, type FieldCatalog } from "@/lib/logs/field-catalog";
import type { FieldMapping } from "@/lib/logs/field-mapping";
import { decodePageCursor, searchFingerprint, type PageCursor } from "@/lib/logs/page-cursor";
import { planLogPaging } from "@/lib/logs/plan-log-paging";
import { cutFirstPage, shapeHistogram, shapeTopValues } from "@/lib/logs/shape-log-page";
import { CURSOR_MESSAGE, type LogSearchParams, type LogSearchResponse } from "@/lib/schemas/log-search";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import { badRequest } from "../errors";
import { PointInTimeGoneError, type SearchHit, type SearchResult } from "../log-store/types";
import { getFieldCatalog } from "./get-field-catalog";
import { sourceNameOf, type LogContext } from "./log-context";
import { asQueryError, prepareLogView } from "./prepare-log-view";
import { toLogLines } from "./to-log-lines";

const cursorError = () => badRequest(CURSOR_MESSAGE, { cursor: CURSOR_MESSAGE });

/**
 * One explorer view: a page of lines (newest first unless asked otherwise), the exact total, the
 * histogram and the sidebar's top values, from one engine search. The live first page needs no
 * point in time; "next" opens one, and every later page reads it with search_after, so paging
 * never stops at 10,000 and never shows a line twice.
 */
export async function getLogPage(params: LogSearchParams, context: LogContext): Promise<LogSearchResponse> {
  const { store, settings, signal } = context;
  const { indexPattern, mapping } = settings;
  const fingerprint = searchFingerprint({ indexPattern, ...params });
  const cursor = params.cursor ? decodePageCursor(params.cursor) : null;
  if (params.cursor && cursor?.fingerprint !== fingerprint) throw cursorError();
  const frozen = cursor ? { from: new Date(cursor.from), to: new Date(cursor.to) } : undefined;
  const view = await prepareLogView(params, context, frozen);
  const { from, to } = view.range;
  const interval = chooseBucketInterval(to.getTime() - from.getTime());
  const { fields: topFields, notices } = sidebarFields(view.catalog, mapping);
  const base = { filters: view.filters, mapping, order: params.order, from, to, interval: interval.label, topFields };
  const search = async (body: Record<string, unknown>): Promise<SearchResult> => {
    try {
      const [result] = await store.msearch([{ index: indexPattern, body }], { signal });
      return result!;
    } catch (error) {
      if (error instanceof PointInTimeGoneError) throw cursorError();
      throw asQueryError(error, params.q);
    }
  };
  const openPit = () => store.openPointInTime(indexPattern, PIT_KEEP_ALIVE, { signal });

  let result: SearchResult;
  let shown: SearchHit[];
  let pitId: string | null = null;
  let boundary: unknown;
  if (!cursor) {
    // One line extra tells whether the last timestamp's run continues past the page.
    result = await search(buildLogPageQuery({ ...base, size: params.size + 1 }));
    const cut = cutFirstPage(result.hits, params.size);
    shown = cut.shown;
    if (cut.kind === "cut") boundary = cut.boundary;
    if (cut.kind === "all-tied") {
      const opened = await openPit();
      result = await search(buildLogPageQuery({ ...base, size: params.size, pit: { id: opened, direction: "next" } }));
      shown = result.hits;
      pitId = result.pitId ?? opened;
    }
  } else {
    const id = cursor.pit ?? (await openPit());
    result = await search(buildLogPageQuery({ ...base, size: params.size, pit: { id, after: cursor.after, direction: cursor.direction } }));
    shown = cursor.direction === "prev" ? [...result.hits].reverse() : result.hits;
    pitId = result.pitId ?? id;
    await assertHitsFromPattern(shown, view.catalog, context);
  }

  const { lines, redactions } = toLogLines(shown, mapping, context.rules, sourceNameOf(context));
  const paging = planLogPaging({
    ...pageOf(cursor),
    size: params.size,
    total: result.total,
    shown,
    pitId,
    boundary,
    range: { from: from.getTime(), to: to.getTime() },
    fingerprint,
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: result.total,
    totalRelation: result.totalRelation ?? "eq",
    sourceName: sourceNameOf(context),
    lines,
    paging,
    histogram: shapeHistogram(result.aggregations, interval),
    topValues: shapeTopValues(result.aggregations, topFields),
    queryFields: view.queryFields,
    redactions,
    mapping,
    notices: [...context.notices, ...notices],
  };
}

const pageOf = (cursor: PageCursor | null) => (cursor ? { page: cursor.page, offset: cursor.offset } : { page: 1, offset: 0 });

/** The sidebar's default fields (service, level, status), each counted through a field the engine can aggregate. */
function sidebarFields(catalog: FieldCatalog, mapping: FieldMapping) {
  const fields: Array<{ name: string; field: string; label: string }> = [];
  const notices: string[] = [];
  for (const [index, label] of [mapping.service, mapping.level, mapping.status].entries()) {
    const counted = countableField(catalog, label);
    if (counted.ok) fields.push({ name: `top_${index}`, field: counted.field, label });
    else if (catalog.indices.length > 0) notices.push(`Top values of ${label} are unavailable: ${counted.message}.`);
  }
  return { fields, notices };
}

/**
 * A point in time names its indices itself, so a hand-made cursor could point elsewhere. Every line
 * must come from an index of the configured pattern (re-read once, for indices created since).
 */
async function assertHitsFromPattern(hits: SearchHit[], catalog: FieldCatalog, context: LogContext): Promise<void> {
  const outside = (known: string[]) => hits.some((hit) => !known.includes(hit._index));
  if (!outside(catalog.indices)) return;
  const fresh = await getFieldCatalog(context.store, context.settings.indexPattern, { signal: context.signal, fresh: true });
  if (outside(fresh.indices)) throw cursorError();
}
