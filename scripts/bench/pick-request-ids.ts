import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { readString, type LogSource } from "@/lib/requests/read-log-fields";
import { requestLinkHints } from "@/lib/requests/request-link";
import { engineRequestOrThrow } from "./engine-http";
import type { EngineTarget } from "./engine-target";

/** A request as the drilldown is opened for it from a log line: its id, that line's time, and the line's hints. */
export interface PickedRequest {
  id: string;
  around: string;
  user?: string;
  method?: string;
  path?: string;
}

const mapping = ECS_FIELD_MAPPING;
const ID_FIELD = mapping.correlationIds[0]!;

interface Hits {
  hits?: { hits?: Array<{ _source?: LogSource }> };
}

async function searchSources(target: EngineTarget, index: string, body: Record<string, unknown>): Promise<LogSource[]> {
  const answer = await engineRequestOrThrow<Hits>(target, "POST", `/${encodeURIComponent(index)}/_search`, JSON.stringify(body));
  return (answer.hits?.hits ?? []).flatMap((hit) => (hit._source ? [hit._source] : []));
}

/**
 * Failed payment requests (payments answered 504) as a user meets them: `count` distinct ids in
 * time order, each with its entry line (same id, has a status, no parent span), whose time and
 * hints (user, method, path) the drilldown link carries.
 */
export async function pickRequests(target: EngineTarget, index: string, range: { from: Date; to: Date }, count: number): Promise<PickedRequest[]> {
  const failures = await searchSources(target, index, {
    size: count * 20,
    _source: [ID_FIELD],
    query: {
      bool: {
        filter: [
          { term: { [mapping.service]: "payments" } },
          { term: { [mapping.status]: 504 } },
          { range: { [mapping.timestamp]: { gte: range.from.toISOString(), lt: range.to.toISOString() } } },
        ],
      },
    },
    sort: [{ [mapping.timestamp]: { order: "asc" } }],
  });
  const ids = [...new Set(failures.flatMap((source) => readString(source, ID_FIELD) ?? []))].slice(0, count);
  const picked: PickedRequest[] = [];
  for (const id of ids) {
    const [entry] = await searchSources(target, index, {
      size: 1,
      query: { bool: { filter: [{ term: { [ID_FIELD]: id } }, { exists: { field: mapping.status } }], must_not: [{ exists: { field: mapping.parentId } }] } },
      sort: [{ [mapping.timestamp]: { order: "asc" } }],
    });
    const around = entry ? readString(entry, mapping.timestamp) : null;
    if (!entry || !around) continue;
    const hints = requestLinkHints(entry, mapping);
    picked.push({ id, around: new Date(around).toISOString(), user: hints.user ?? undefined, method: hints.method ?? undefined, path: hints.path ?? undefined });
  }
  if (picked.length === 0) throw new Error(`no payments 504 request with an entry line in ${index}; the drilldown cases need one`);
  return picked;
}
