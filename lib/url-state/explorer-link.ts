import { createSerializer, parseAsArrayOf, parseAsString } from "nuqs/server";
import type { StatusClass } from "@/lib/schemas/status-class";
import { timeParsers } from "./time-parsers";

const serializeExplorerUrl = createSerializer({
  from: timeParsers.from,
  to: timeParsers.to,
  service: parseAsArrayOf(parseAsString),
  environment: parseAsArrayOf(parseAsString),
  status: parseAsArrayOf(parseAsString),
  source: parseAsString,
});

export interface ExplorerLinkInput {
  from: string;
  to: string;
  service?: string[];
  environment?: string[];
  status?: StatusClass[];
  /** The log source to read; the explorer reads one at a time (its first enabled one when absent). */
  source?: string;
}

/** The log explorer (/logs) filtered to a slice of the overview: a bucket, a service, a status class. */
export function explorerHref(input: ExplorerLinkInput): string {
  const nonEmpty = (values?: string[]) => (values && values.length > 0 ? values : null);
  return serializeExplorerUrl("/logs", {
    from: input.from,
    to: input.to,
    service: nonEmpty(input.service),
    environment: nonEmpty(input.environment),
    status: nonEmpty(input.status),
    source: input.source ?? null,
  });
}
