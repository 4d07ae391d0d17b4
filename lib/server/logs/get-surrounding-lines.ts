import "server-only";
import { buildAnchorLookupQuery, buildSurroundingQueries, orderSurroundingHits } from "@/lib/logs/build-surrounding-lines-query";
import { readString } from "@/lib/requests/read-log-fields";
import type { LogSettings } from "@/lib/schemas/log-settings";
import type { SurroundingLinesParams, SurroundingLinesResponse } from "@/lib/schemas/surrounding-lines";
import { notFound } from "../errors";
import { getLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { getLogSettings } from "../settings/get-log-settings";
import { toLogLines } from "./to-log-lines";

export interface SurroundingLinesDeps {
  store: LogStore;
  settings: LogSettings;
  signal?: AbortSignal;
  notices?: string[];
}

/**
 * The lines just before and after one line, from its service only: one lookup for the anchor's
 * position, then both directions in one _msearch. Every line is redacted before it leaves.
 */
export async function querySurroundingLines(params: SurroundingLinesParams, deps: SurroundingLinesDeps): Promise<SurroundingLinesResponse> {
  const { mapping, indexPattern } = deps.settings;
  const lookup = await deps.store.search({ index: indexPattern, body: buildAnchorLookupQuery(params.id, mapping) }, { signal: deps.signal });
  const anchor = lookup.hits[0];
  if (!anchor?.sort) throw notFound(`No log line with id ${params.id} in ${indexPattern}.`);
  const notices = [...(deps.notices ?? [])];
  // Ids are unique per index; a pattern spanning indices can in rare cases hold the same id twice.
  if (lookup.total > 1) notices.push(`${lookup.total} lines share the id ${params.id}; showing the neighbours of the earliest.`);

  const service = readString(anchor._source, mapping.service);
  const queries = buildSurroundingQueries({ mapping, service, anchorSort: anchor.sort, before: params.before, after: params.after });
  const [before, after] = await deps.store.msearch(
    [
      { index: indexPattern, body: queries.before },
      { index: indexPattern, body: queries.after },
    ],
    { signal: deps.signal },
  );

  const ordered = orderSurroundingHits(before?.hits ?? [], anchor, after?.hits ?? []);
  // Redacted there, like every line the explorer shows.
  const shaped = toLogLines(ordered.map(({ hit }) => hit), mapping);
  const lines = shaped.lines.map((line, i) => ({ ...line, anchor: ordered[i]!.anchor }));
  const redactions = shaped.redactions;
  return { anchorId: anchor._id, service, lines, before: before?.hits.length ?? 0, after: after?.hits.length ?? 0, redactions, mapping, notices };
}

export async function getSurroundingLines(params: SurroundingLinesParams, options: { signal?: AbortSignal } = {}): Promise<SurroundingLinesResponse> {
  const { settings, notice } = await getLogSettings();
  return querySurroundingLines(params, { store: await getLogStore(), settings, signal: options.signal, notices: notice ? [notice] : [] });
}
