import { createLoader, createParser, parseAsStringLiteral } from "nuqs/server";
import { BACKTEST_RANGES } from "@/lib/schemas/alert-backtest";
import { MEASURE_KINDS } from "@/lib/schemas/alert-rule";

const boundedText = (max: number) => createParser<string>({ parse: (value) => (value.length <= max && !/[\u0000-\u001f]/.test(value) ? value : null), serialize: (value) => value });

/** "Alert on this" opens the form with the scope in the URL; the backtest range rides along. */
export const newAlertSearchParams = {
  service: boundedText(128),
  environment: boundedText(128),
  measure: parseAsStringLiteral(MEASURE_KINDS),
  query: boundedText(4000),
  /** From a slow query's page: a slow_statements rule for its fingerprint. */
  fingerprint: boundedText(512),
  preview: parseAsStringLiteral(BACKTEST_RANGES).withDefault("24h"),
};

export const loadNewAlertSearchParams = createLoader(newAlertSearchParams);
