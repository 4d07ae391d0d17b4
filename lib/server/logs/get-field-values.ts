import "server-only";
import { buildFieldValuesQuery } from "@/lib/logs/build-log-page-query";
import { countableField } from "@/lib/logs/field-catalog";
import { shapeTopValues } from "@/lib/logs/shape-log-page";
import type { FieldValuesParams } from "@/lib/schemas/log-fields";
import type { FieldTopValues } from "@/lib/schemas/log-search";
import { badRequest } from "../errors";
import { getLogStore } from "../log-store";
import { getLogSettings } from "../settings/get-log-settings";
import { asQueryError, prepareLogView, type LogViewDeps } from "./prepare-log-view";

/** Top 10 values of a field the user opens in the sidebar, under the view's filters; counted by the engine. */
export async function queryFieldValues(params: FieldValuesParams, deps: LogViewDeps): Promise<FieldTopValues & { total: number }> {
  const view = await prepareLogView(params, deps);
  const counted = countableField(view.catalog, params.field);
  if (!counted.ok) throw badRequest(counted.message, { field: counted.message });
  const body = buildFieldValuesQuery(view.filters, counted.field);
  const [result] = await deps.store.msearch([{ index: deps.settings.indexPattern, body }], { signal: deps.signal }).catch((error: unknown) => {
    throw asQueryError(error, params.q);
  });
  const [values] = shapeTopValues(result!.aggregations, [{ name: "values", field: counted.field, label: params.field }]);
  return { ...values!, total: result!.total };
}

export async function getFieldValues(params: FieldValuesParams, options: { signal?: AbortSignal } = {}): Promise<FieldTopValues & { total: number }> {
  const { settings } = await getLogSettings();
  return queryFieldValues(params, { store: await getLogStore(), settings, signal: options.signal });
}
