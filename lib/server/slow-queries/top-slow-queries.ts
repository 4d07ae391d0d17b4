import "server-only";
import type { SlowQueryCardRow } from "@/lib/schemas/slow-queries";
import { groupSlowStatementsAnswer } from "@/lib/sql/group-slow-statements";
import { slowStatementFields } from "@/lib/sql/slow-statement-fields";
import type { ReadSource } from "../logs/log-context";
import type { RedactedSearchResult } from "../logs/redacting-log-store";
import { combineSources } from "./combine-sources";
import { toSlowQueryRow } from "./slow-query-rows";

export const CARD_ROWS = 5;

/** The overview card's rows from each source's phase 1 answer (no percentiles: the card stays one round trip). The parser must be loaded. */
export function topSlowQueries(answers: readonly { source: ReadSource; answer: RedactedSearchResult }[]): SlowQueryCardRow[] {
  const perSource = answers.map(({ source, answer }) => {
    const groups = groupSlowStatementsAnswer(answer.aggregations, slowStatementFields(source.mapping).perMs);
    return { source, groups, slowLines: 0, leftOutLines: 0, longLines: 0, longRead: 0 };
  });
  return combineSources(perSource)
    .slice(0, CARD_ROWS)
    .map((row) => {
      const { fingerprint, statement, parsed, count, totalMs, meanMs, maxMs, services } = toSlowQueryRow(row, undefined);
      return { fingerprint, statement, parsed, count, totalMs, meanMs, maxMs, services };
    });
}
