import "server-only";
import { checkSourceFields } from "@/lib/logs/check-source-fields";
import type { SourceChecksResponse } from "@/lib/schemas/log-source";
// eslint-disable-next-line no-restricted-imports -- field caps only (names and types, no log content), so no redacting context is needed
import { getLogStore } from "../log-store";
import { getFieldCatalog } from "../logs/get-field-catalog";
import { listLogSources } from "./list-log-sources";

/**
 * Each saved source against its indices as they stand (their `_field_caps`, fresh): does the
 * pattern match anything, do the mapped fields exist. One call per source, in parallel; an
 * admin page, not a view's hot path.
 */
export async function checkLogSources(options: { signal?: AbortSignal } = {}): Promise<SourceChecksResponse> {
  const [{ sources }, store] = await Promise.all([listLogSources(), getLogStore()]);
  const checks = await Promise.all(
    sources.map(async (source) => {
      const catalog = await getFieldCatalog(store, source.indexPattern, { signal: options.signal, fresh: true });
      return { id: source.id, name: source.name, ...checkSourceFields(catalog, source.mapping, source.indexPattern) };
    }),
  );
  return { checks };
}
