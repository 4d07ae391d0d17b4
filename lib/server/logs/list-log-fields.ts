import "server-only";
import { listableFields } from "@/lib/logs/field-catalog";
import type { LogFieldsResponse } from "@/lib/schemas/log-fields";
import { getLogStore } from "../log-store";
import type { LogStore } from "../log-store/types";
import { getLogSettings } from "../settings/get-log-settings";
import { getFieldCatalog } from "./get-field-catalog";

/** The fields of the configured index pattern for the sidebar and the column chooser (cached a minute). */
export async function queryLogFields(deps: { store: LogStore; indexPattern: string; signal?: AbortSignal }): Promise<LogFieldsResponse> {
  const catalog = await getFieldCatalog(deps.store, deps.indexPattern, { signal: deps.signal });
  return { indexPattern: deps.indexPattern, indexCount: catalog.indices.length, fields: listableFields(catalog) };
}

export async function listLogFields(options: { signal?: AbortSignal } = {}): Promise<LogFieldsResponse> {
  const { settings } = await getLogSettings();
  return queryLogFields({ store: await getLogStore(), indexPattern: settings.indexPattern, signal: options.signal });
}
