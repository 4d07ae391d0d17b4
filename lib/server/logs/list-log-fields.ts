import "server-only";
import { listableFields } from "@/lib/logs/field-catalog";
import { secretRuleOf } from "@/lib/logs/secret-fields";
import type { LogFieldsResponse } from "@/lib/schemas/log-fields";
import { getFieldCatalog } from "./get-field-catalog";
import { soleSourceOrThrow, type LogContext } from "./log-context";

/** The fields of the configured index pattern for the sidebar and the column chooser (cached a minute). */
export async function listLogFields(context: LogContext): Promise<LogFieldsResponse> {
  const { indexPattern } = soleSourceOrThrow(context);
  const catalog = await getFieldCatalog(context.store, indexPattern, { signal: context.signal });
  const fields = listableFields(catalog).map((field) => (secretRuleOf(field.name, catalog, context.rules) ? { ...field, countable: false, secret: true } : field));
  return { indexPattern, indexCount: catalog.indices.length, fields, notices: [...context.notices] };
}
