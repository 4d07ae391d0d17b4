import "server-only";
import { buildAnchorLookupQuery, buildSurroundingQueries, orderSurroundingHits } from "@/lib/logs/build-surrounding-lines-query";
import { readString } from "@/lib/requests/read-log-fields";
import type { SurroundingLinesParams, SurroundingLinesResponse } from "@/lib/schemas/surrounding-lines";
import { notFound } from "../errors";
import { soleSourceOrThrow, sourceNameOf, type LogContext } from "./log-context";
import { toLogLines } from "./to-log-lines";

/**
 * The lines just before and after one line, from its service only: one lookup for the anchor's
 * position, then both directions in one _msearch. Every line is redacted before it leaves.
 */
export async function getSurroundingLines(params: SurroundingLinesParams, context: LogContext): Promise<SurroundingLinesResponse> {
  const { mapping, indexPattern } = soleSourceOrThrow(context);
  const lookup = await context.store.search({ index: indexPattern, body: buildAnchorLookupQuery(params.id, mapping) }, { signal: context.signal });
  const anchor = lookup.hits[0];
  if (!anchor?.sort) throw notFound(`No log line with id ${params.id} in ${indexPattern}.`);
  const notices = [...context.notices];
  // Ids are unique per index; a pattern spanning indices can in rare cases hold the same id twice.
  if (lookup.total > 1) notices.push(`${lookup.total} lines share the id ${params.id}; showing the neighbours of the earliest.`);

  const service = readString(anchor._source, mapping.service);
  const queries = buildSurroundingQueries({ mapping, service, anchorSort: anchor.sort, before: params.before, after: params.after });
  const [before, after] = await context.store.msearch(
    [
      { index: indexPattern, body: queries.before },
      { index: indexPattern, body: queries.after },
    ],
    { signal: context.signal },
  );

  const ordered = orderSurroundingHits(before?.hits ?? [], anchor, after?.hits ?? []);
  // Redacted there, like every line the explorer shows.
  const shaped = toLogLines(ordered.map(({ hit }) => hit), mapping, sourceNameOf(context));
  const lines = shaped.lines.map((line, i) => ({ ...line, anchor: ordered[i]!.anchor }));
  const redactions = shaped.redactions;
  return { anchorId: anchor._id, service, lines, before: before?.hits.length ?? 0, after: after?.hits.length ?? 0, redactions, mapping, notices };
}
