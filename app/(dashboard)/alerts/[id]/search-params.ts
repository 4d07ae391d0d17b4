import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { BACKTEST_RANGES } from "@/lib/schemas/alert-backtest";

/** The rule page's chart range (its value replayed over the last 24 h or 7 d) and the form's backtest range. */
export const alertRuleSearchParams = {
  range: parseAsStringLiteral(BACKTEST_RANGES).withDefault("24h"),
};

export const loadAlertRuleSearchParams = createLoader(alertRuleSearchParams);
