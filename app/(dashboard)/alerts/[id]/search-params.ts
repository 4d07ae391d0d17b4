import { createLoader, createParser, parseAsStringLiteral } from "nuqs/server";
import { BACKTEST_RANGES } from "@/lib/schemas/alert-backtest";

// An ISO instant, kept as the text the URL had (a shared link writes it; nothing else does).
const instant = createParser<string>({ parse: (value) => (value.length <= 40 && Number.isFinite(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value : null), serialize: (value) => value });

/**
 * The rule page's chart range (its value replayed over the 24 h or 7 d before `at`, else before
 * now) and the form's backtest range. `at` is how a share link freezes the chart.
 */
export const alertRuleSearchParams = {
  range: parseAsStringLiteral(BACKTEST_RANGES).withDefault("24h"),
  at: instant,
};

export const loadAlertRuleSearchParams = createLoader(alertRuleSearchParams);
