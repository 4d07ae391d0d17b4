import "server-only";
import { buildLogFilters } from "@/lib/logs/build-log-search-query";
import { checkQuerySyntax } from "@/lib/logs/check-query-syntax";
import { findUnknownQueryField, type FieldCatalog } from "@/lib/logs/field-catalog";
import { levelFilter } from "@/lib/logs/level-scheme";
import { resolveQueryFields } from "@/lib/logs/query-fields";
import { describeSecretFieldUse, findSecretQueryField, withoutSecretFields } from "@/lib/logs/secret-fields";
import type { LogSearchParams } from "@/lib/schemas/log-search";
import type { TimeRange } from "@/lib/time/resolve-time-range";
import { badRequest } from "../errors";
import { getFieldCatalog } from "./get-field-catalog";
import { resolveViewRange, soleSourceOrThrow, type LogContext } from "./log-context";

export interface PreparedLogView {
  range: TimeRange;
  filters: unknown[];
  catalog: FieldCatalog;
  queryFields: string[];
}

type ViewParams = Pick<LogSearchParams, "from" | "to" | "q" | "service" | "environment" | "level" | "status">;

/**
 * What every explorer read shares: the range (or the one a page link froze), a query that parses
 * and names only fields the indices have (and no secret field), and the filters built from them.
 * Bad input stops here as a 400 that says what to fix, before the engine is asked anything but
 * its field list.
 */
export async function prepareLogView(params: ViewParams, context: LogContext, frozen?: TimeRange): Promise<PreparedLogView> {
  soleSourceOrThrow(context);
  const range = frozen ?? resolveViewRange(params, context);
  const level = levelFilter(context.settings.mapping.level, context.settings.mapping.levelScheme, params.level);
  if (!level.ok) throw badRequest(`Level: ${level.message}`, { level: level.message });
  const syntax = checkQuerySyntax(params.q);
  if (!syntax.ok) throw badRequest(`Query syntax: ${syntax.message}`, { q: syntax.message });
  const catalog = await getFieldCatalog(context.store, context.settings.indexPattern, { signal: context.signal });
  const secret = findSecretQueryField(params.q, catalog, context.rules);
  if (secret) {
    const message = describeSecretFieldUse(secret);
    throw badRequest(`Query: ${message}`, { q: message });
  }
  const unknown = findUnknownQueryField(catalog, params.q);
  if (unknown) {
    const message = `unknown field ${unknown.field} (column ${unknown.column}): check its spelling in the field list`;
    throw badRequest(`Query: ${message}`, { q: message });
  }
  const queryFields = defaultQueryFields(params.q, catalog, context);
  const filters = buildLogFilters({ params, from: range.from, to: range.to, mapping: context.settings.mapping, queryFields });
  return { range, filters, catalog, queryFields };
}

/** Bare terms never search a secret field, whatever defaultQueryFields (or its patterns) name. */
function defaultQueryFields(q: string, catalog: FieldCatalog, context: LogContext): string[] {
  const configured = withoutSecretFields(resolveQueryFields(context.settings), catalog, context.rules);
  if (configured.length > 0) return configured;
  const fallback = withoutSecretFields(resolveQueryFields({ mapping: context.settings.mapping }), catalog, context.rules);
  // An empty list would let the engine search every field, secret ones included.
  if (fallback.length === 0 && q.trim()) throw badRequest("Query: every default query field is a secret field; name the field to search", { q: "every default query field is a secret field" });
  return fallback;
}

/** The engine's own parse errors (those the pre-flight check missed) become a 400 on the query box. */
export function asQueryError(error: unknown, q: string): unknown {
  const message = error instanceof Error && error.name === "LogStoreQueryError" ? error.message : null;
  if (message && q.trim() && /parse|query_string|lexical/i.test(message)) return badRequest(`Query syntax: ${message}`, { q: message });
  return error;
}
