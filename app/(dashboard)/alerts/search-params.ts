import { createLoader, createParser, parseAsStringLiteral } from "nuqs/server";
import { ALERT_SEVERITIES } from "@/lib/schemas/alert-rule";
import { RULE_STATES } from "@/lib/schemas/alert-rule-api";

const boundedText = createParser<string>({ parse: (value) => (value.length <= 256 && !/[\u0000-\u001f]/.test(value) ? value : null), serialize: (value) => value });

/** The alert list's filters, so a filtered list can be shared and reloaded. */
export const alertsSearchParams = {
  state: parseAsStringLiteral(RULE_STATES),
  severity: parseAsStringLiteral(ALERT_SEVERITIES),
  service: boundedText,
  label: boundedText,
};

export const loadAlertsSearchParams = createLoader(alertsSearchParams);
