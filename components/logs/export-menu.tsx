"use client";

import { buildLogExportHref, type LogExportFilters } from "@/lib/queries/log-export";

/**
 * Download links for the current explorer view. The server streams the file, redacted, and
 * cuts it at its line cap with a note in the file (and an X-Triage-Export-Truncated header).
 */
export function ExportMenu({ filters }: { filters: LogExportFilters }) {
  const columns = filters.columns?.length ? `, ${filters.columns.join(", ")}` : "";
  return (
    <details className="export-menu" data-testid="export-menu">
      <summary>Export</summary>
      <div className="export-menu-items">
        <a href={buildLogExportHref("ndjson", filters)} download data-testid="export-ndjson">NDJSON: every field, one line each</a>
        <a href={buildLogExportHref("csv", filters)} download data-testid="export-csv">CSV: time, service, level, message{columns}</a>
        <small className="notice">Secrets are redacted. Very large results are cut at the server&apos;s limit, and the file says so.</small>
      </div>
    </details>
  );
}
