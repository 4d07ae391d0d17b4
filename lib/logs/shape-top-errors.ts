import type { TopError } from "@/lib/schemas/overview";
import { normalizeErrorMessage } from "./normalize-error-message";
import { OVERVIEW_LIMITS } from "./overview-limits";

interface Count { doc_count: number }
interface Terms<B> { buckets?: B[]; sum_other_doc_count?: number }
interface ServiceTerms { buckets?: Array<{ key: string }> }
interface TypeBucket extends Count {
  key: string;
  by_message: Terms<Count & { key: string; services: ServiceTerms }>;
  services: ServiceTerms;
}

export interface ShapedTopErrors {
  errors: TopError[];
  /** Error lines whose message was not among the messages read per type. */
  ungrouped: number;
}

const names = (terms: ServiceTerms) => (terms.buckets ?? []).map((bucket) => String(bucket.key));

/**
 * Groups error lines by type and normalised message (ids and numbers replaced). Lines of a type
 * whose message was not read (not indexed, or beyond the per-type limit) form one row with no message.
 */
export function shapeTopErrors(aggregations: Record<string, unknown> | undefined, options: { limit?: number } = {}): ShapedTopErrors {
  const byType = ((aggregations?.top_errors as { by_type?: Terms<TypeBucket> } | undefined)?.by_type ?? {}) as Terms<TypeBucket>;
  const groups = new Map<string, TopError>();
  let ungrouped = 0;
  for (const typeBucket of byType.buckets ?? []) {
    const type = String(typeBucket.key);
    let grouped = 0;
    for (const messageBucket of typeBucket.by_message.buckets ?? []) {
      const example = String(messageBucket.key);
      const message = normalizeErrorMessage(example);
      const key = `${type}\n${message}`;
      // Buckets come most frequent first, so the first raw message seen is the group's example.
      const group = groups.get(key) ?? { type, message, example, count: 0, services: [] };
      group.count += messageBucket.doc_count;
      for (const service of names(messageBucket.services)) if (!group.services.includes(service)) group.services.push(service);
      groups.set(key, group);
      grouped += messageBucket.doc_count;
    }
    const rest = typeBucket.doc_count - grouped;
    ungrouped += typeBucket.by_message.sum_other_doc_count ?? 0;
    if (rest > 0) groups.set(`${type}\n`, { type, message: null, example: null, count: rest, services: names(typeBucket.services) });
  }
  const errors = [...groups.values()]
    .map((group) => ({ ...group, services: [...group.services].sort() }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || (a.message ?? "").localeCompare(b.message ?? ""))
    .slice(0, options.limit ?? OVERVIEW_LIMITS.topErrors);
  return { errors, ungrouped: ungrouped + (byType.sum_other_doc_count ?? 0) };
}

export function errorLimitNotice(ungrouped: number): string | null {
  if (ungrouped === 0) return null;
  return `Top errors read ${OVERVIEW_LIMITS.errorTypes} error types and ${OVERVIEW_LIMITS.messagesPerType} messages per type; ${ungrouped.toLocaleString("en-US")} error lines beyond that are counted without their message or left out.`;
}
