import { createLoader, parseAsArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from "@/lib/schemas/incident";

/** The incident list's filters, in the URL like every view's state. */
export const incidentsSearchParams = {
  status: parseAsArrayOf(parseAsStringLiteral(INCIDENT_STATUSES)).withDefault([]),
  severity: parseAsArrayOf(parseAsStringLiteral(INCIDENT_SEVERITIES)).withDefault([]),
  service: parseAsArrayOf(parseAsString).withDefault([]),
};

export const loadIncidentsSearchParams = createLoader(incidentsSearchParams);
