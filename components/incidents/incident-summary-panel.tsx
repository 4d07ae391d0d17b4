"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** The postmortem summary as plain Markdown text, to copy. */
export function IncidentSummaryPanel({ markdown }: { markdown: string }) {
  return (
    <section className="panel" aria-labelledby="incident-summary-title">
      <header className="panel-header">
        <h2 id="incident-summary-title">Summary for the postmortem</h2>
        <CopyButton text={markdown} label="Copy summary" />
      </header>
      <pre className="incident-summary" data-testid="incident-summary" tabIndex={0}>{markdown}</pre>
    </section>
  );
}
