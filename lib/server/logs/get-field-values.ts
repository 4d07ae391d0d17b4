import "server-only";
import { buildFieldValuesQuery } from "@/lib/logs/build-log-page-query";
import { countableField } from "@/lib/logs/field-catalog";
import { levelLabeller } from "@/lib/logs/level-scheme";
import { describeSecretFieldUse, secretFieldUse } from "@/lib/logs/secret-fields";
import { shapeTopValues } from "@/lib/logs/shape-log-page";
import type { FieldValuesParams } from "@/lib/schemas/log-fields";
import type { FieldTopValues } from "@/lib/schemas/log-search";
import { badRequest } from "../errors";
import type { LogContext } from "./log-context";
import { asQueryError, prepareLogView } from "./prepare-log-view";

/** Top 10 values of a field the user opens in the sidebar, under the view's filters; counted by the engine. */
export async function getFieldValues(params: FieldValuesParams, context: LogContext): Promise<FieldTopValues & { total: number }> {
  const view = await prepareLogView(params, context);
  const secret = secretFieldUse(params.field, view.catalog, context.rules);
  if (secret) throw badRequest(describeSecretFieldUse(secret), { field: describeSecretFieldUse(secret) });
  const counted = countableField(view.catalog, params.field);
  if (!counted.ok) throw badRequest(counted.message, { field: counted.message });
  const body = buildFieldValuesQuery(view.filters, counted.field);
  const [result] = await context.store.msearch([{ index: context.settings.indexPattern, body }], { signal: context.signal }).catch((error: unknown) => {
    throw asQueryError(error, params.q);
  });
  const { mapping } = context.settings;
  const valueLabel = params.field === mapping.level || counted.field === mapping.level ? levelLabeller(mapping) : undefined;
  const [values] = shapeTopValues(result!.aggregations, [{ name: "values", field: counted.field, label: params.field, valueLabel }]);
  return { ...values!, total: result!.total };
}
