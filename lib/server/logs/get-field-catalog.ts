import "server-only";
import { buildFieldCatalog, type FieldCatalog } from "@/lib/logs/field-catalog";
import type { LogStore } from "../log-store/types";

/** Mappings change rarely; a minute keeps `_field_caps` off the hot path of every view. */
const CATALOG_TTL_MS = 60_000;

// Per store (tests use several) and per index pattern. Only answers are cached, never a pending
// call, so one browser going away cannot fail another request waiting on the same lookup.
const cache = new WeakMap<LogStore, Map<string, { at: number; catalog: FieldCatalog }>>();

/** The fields of an index pattern, from `_field_caps`, cached for a minute; `fresh` skips the cache. */
export async function getFieldCatalog(store: LogStore, indexPattern: string, options: { signal?: AbortSignal; fresh?: boolean; now?: number } = {}): Promise<FieldCatalog> {
  const now = options.now ?? Date.now();
  let byPattern = cache.get(store);
  if (!byPattern) cache.set(store, (byPattern = new Map()));
  const cached = byPattern.get(indexPattern);
  if (cached && !options.fresh && now - cached.at < CATALOG_TTL_MS) return cached.catalog;
  const catalog = buildFieldCatalog(await store.fieldCaps(indexPattern, undefined, { signal: options.signal }));
  // A pattern that matches nothing yet is about to (a shipper's first index, a new source): ask again next time.
  if (catalog.indices.length > 0) byPattern.set(indexPattern, { at: now, catalog });
  else byPattern.delete(indexPattern);
  return catalog;
}
