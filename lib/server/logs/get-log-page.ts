import "server-only";
import { PIT_KEEP_ALIVE_SECONDS } from "@/lib/logs/build-log-page-query";
import { countableField, type FieldCatalog } from "@/lib/logs/field-catalog";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { decodePageCursor, explorerViewKey, searchFingerprint, type PageCursor } from "@/lib/logs/page-cursor";
import { planLogPaging } from "@/lib/logs/plan-log-paging";
import { levelLabeller } from "@/lib/logs/level-scheme";
import { shapeHistogram, shapeTopValues, type TopValuesField } from "@/lib/logs/shape-log-page";
import { describeSecretFieldUse, secretFieldUse } from "@/lib/logs/secret-fields";
import { CURSOR_MESSAGE, type LogSearchParams, type LogSearchResponse } from "@/lib/schemas/log-search";
import { alignViewWindow } from "@/lib/time/align-window";
import { chooseBucketInterval } from "@/lib/time/bucket-interval";
import { checkTimeRange, type TimeRange } from "@/lib/time/resolve-time-range";
import { badRequest } from "../errors";
import { logger } from "../logger";
import { getAppSecret } from "../security/app-secret";
import { leaveOtherViews, type ExplorerPitSlot } from "./explorer-pits";
import { getExplorerSummary } from "./get-explorer-summary";
import { resolveViewRange, sourceNameOf, type LogContext } from "./log-context";
import { asQueryError, prepareLogView } from "./prepare-log-view";
import { readInSnapshot, readLive, type PageBase, type PageReadResult, type Search } from "./read-log-page";
import { toLogLines } from "./to-log-lines";

export interface LogPageOptions {
  /** How long the viewer's point in time lives between two pages; every page renews it. */
  keepAliveSeconds: number;
}

const DEFAULT_OPTIONS: LogPageOptions = { keepAliveSeconds: PIT_KEEP_ALIVE_SECONDS };
/** Verbs called without a viewer (the benchmark, jobs) share one slot. */
const UNATTRIBUTED_VIEWER = "unattributed";
const NO_SIGNING_NOTICE = "Paging is unavailable: the secret that signs page links cannot be read (is Postgres reachable, or TRIAGE_SECRET set?).";

const cursorError = (message = CURSOR_MESSAGE) => badRequest(message, { cursor: message });

/**
 * One explorer view: a page of lines (newest first unless asked otherwise), the exact total, the
 * histogram and the sidebar's top values, from one engine search. The live first page needs no
 * point in time; later pages read the viewer's one for this view (explorer-pits.ts) with
 * search_after, so paging never stops at 10,000 and never shows a line twice. When the engine
 * refuses a point in time, pages are read live, between milliseconds, with a notice.
 */
export async function getLogPage(params: LogSearchParams, context: LogContext, options: LogPageOptions = DEFAULT_OPTIONS): Promise<LogSearchResponse> {
  const { store, settings, signal } = context;
  const { indexPattern, mapping } = settings;
  const fingerprint = searchFingerprint({ indexPattern, ...params });
  const signing = signingKey(Boolean(params.cursor));
  const cursor = params.cursor ? readCursor(params.cursor, await signing, fingerprint) : null;
  // A first page's relative edges move to the bucket grid, so its histogram can be answered incrementally; later pages keep the frozen range.
  const aligned = cursor ? null : alignViewWindow(params, resolveViewRange(params, context));
  const view = await prepareLogView(params, context, cursor?.range ?? (aligned ? { from: aligned.from, to: aligned.to } : undefined));
  const { from, to } = view.range;
  const interval = aligned?.interval ?? chooseBucketInterval(to.getTime() - from.getTime());
  const { fields: topFields, notices } = sidebarFields(view.catalog, mapping, context);
  const base: PageBase = { filters: view.filters, mapping, order: params.order, from, to, interval: interval.label, topFields, summary: aligned === null };
  const summarizing = aligned ? getExplorerSummary(context, { params, window: aligned, queryFields: view.queryFields, topFields }).catch((error: unknown) => Promise.reject(asQueryError(error, params.q))) : null;
  // Awaited after the page; this only keeps an early failure from counting as unhandled meanwhile.
  summarizing?.catch(() => undefined);
  const search: Search = async (body) => {
    try {
      // Live reads (no point in time) are the same for every viewer of an aligned window: shared through the view cache.
      const requests = [{ index: indexPattern, body }];
      const [result] = body["pit"] ? await store.msearch(requests, { signal }) : await context.viewCache.msearch(store, requests, { signal, now: context.now, rules: context.rules });
      return result!;
    } catch (error) {
      throw asQueryError(error, params.q);
    }
  };
  const viewKey = explorerViewKey(fingerprint, params);
  const slot: ExplorerPitSlot = { viewerId: context.viewer?.id ?? UNATTRIBUTED_VIEWER, viewKey, range: view.range };
  const access = { store, indexPattern, keepAliveSeconds: options.keepAliveSeconds, signal };

  let page: PageReadResult;
  if (!cursor) {
    // A first page means the viewer is on this view now: points in time held for others go.
    const leaving = context.viewer ? leaveOtherViews(context.viewer.id, viewKey, store).catch((error: unknown) => logger.warn({ err: error }, "could not close a viewer's other points in time")) : undefined;
    const live = await readLive(search, base, params.size, null);
    page = live;
    // size + 1 lines in one millisecond: only a point in time's tiebreaker can page through them.
    if (live.skippedTies) {
      const snapshot = await readInSnapshot(search, base, params.size, slot, access, null);
      page = "unavailable" in snapshot ? { ...page, notices: [snapshot.unavailable, ...page.notices] } : snapshot;
    }
    await leaving;
  } else {
    const snapshot = await readInSnapshot(search, base, params.size, slot, access, cursor.cursor);
    page = "unavailable" in snapshot ? await withNotice(readLive(search, base, params.size, cursor.cursor), snapshot.unavailable) : snapshot;
  }

  const summary = await summarizing;
  const total = summary ? summary.total : page.result.total;
  const key = await signing;
  const { lines, redactions } = toLogLines(page.shown, mapping, sourceNameOf(context));
  const paging = planLogPaging({
    ...(cursor ? { page: cursor.cursor.page, offset: cursor.cursor.offset } : { page: 1, offset: 0 }),
    size: params.size,
    total,
    shown: page.shown,
    read: page.read,
    view: { from: from.getTime(), to: to.getTime(), fingerprint },
    key,
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total,
    totalRelation: summary ? "eq" : (page.result.totalRelation ?? "eq"),
    sourceName: sourceNameOf(context),
    lines,
    paging,
    histogram: summary?.histogram ?? shapeHistogram(page.result.aggregations, interval),
    topValues: summary?.topValues ?? shapeTopValues(page.result.aggregations, topFields),
    queryFields: view.queryFields,
    redactions,
    mapping,
    notices: [...context.notices, ...notices, ...page.notices, ...(summary?.notices ?? []), ...(key ? [] : [NO_SIGNING_NOTICE])],
    freshness: summary?.freshness ?? null,
  };
}

let warnedNoSecret = false;

/**
 * The app secret. A first page shows even when it cannot be read (Postgres down and no
 * TRIAGE_SECRET): null then, and the page has no links onward. A cursor cannot be checked without it.
 */
function signingKey(needed: boolean): Promise<Uint8Array | null> {
  const key = getAppSecret().then(
    (secret) => {
      warnedNoSecret = false;
      return secret;
    },
    (error: unknown) => {
      if (needed) throw error;
      if (!warnedNoSecret) logger.warn({ err: error }, "cannot read the app secret; explorer pages are shown without page links");
      warnedNoSecret = true;
      return null;
    },
  );
  // Awaited later; this only keeps an early failure from counting as unhandled meanwhile.
  key.catch(() => undefined);
  return key;
}

/** A signed cursor of this search whose frozen range obeys the URL's limits; anything else is a 400. */
function readCursor(token: string, key: Uint8Array | null, fingerprint: string): { cursor: PageCursor; range: TimeRange } {
  const cursor = key ? decodePageCursor(token, key) : null;
  if (cursor?.fingerprint !== fingerprint) throw cursorError();
  const checked = checkTimeRange(new Date(cursor.from), new Date(cursor.to));
  if (!checked.ok) throw cursorError(`this page link's time range is not usable (${checked.message}); start from the first page`);
  return { cursor, range: checked.range };
}

async function withNotice(page: Promise<PageReadResult>, notice: string): Promise<PageReadResult> {
  const read = await page;
  return { ...read, notices: [notice, ...read.notices] };
}

/** The sidebar's default fields (service, level, status), each counted through a field the engine can aggregate. */
function sidebarFields(catalog: FieldCatalog, mapping: FieldMapping, context: LogContext) {
  const fields: TopValuesField[] = [];
  const notices: string[] = [];
  for (const [index, label] of [mapping.service, mapping.level, mapping.status].entries()) {
    const secret = secretFieldUse(label, catalog, context.rules);
    if (secret) {
      notices.push(`Top values of ${label} are not counted: ${describeSecretFieldUse(secret)}.`);
      continue;
    }
    const counted = countableField(catalog, label);
    if (counted.ok) fields.push({ name: `top_${index}`, field: counted.field, label, ...(label === mapping.level ? { valueLabel: levelLabeller(mapping) } : {}) });
    else if (catalog.indices.length > 0) notices.push(`Top values of ${label} are unavailable: ${counted.message}.`);
  }
  return { fields, notices };
}
