/**
 * The time range of a view as a query clause. Epoch milliseconds with `format: epoch_millis` read
 * the same on every field either engine can hold a time in: date and date_nanos of any format, and
 * long fields of epoch milliseconds such as pino's `time`, on which an ISO string fails to parse.
 */
export function timeRangeClause(field: string, from: Date, to: Date, upper: "lt" | "lte"): Record<string, unknown> {
  return { range: { [field]: { gte: from.getTime(), [upper]: to.getTime(), format: "epoch_millis" } } };
}
