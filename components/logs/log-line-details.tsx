"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { FieldMapping } from "@/lib/logs/field-mapping";
import { flattenDocument } from "@/lib/logs/flatten-document";
import type { LogLine } from "@/lib/schemas/log-search";
import { CorrelationIdLink } from "./correlation-id-link";
import { StackTrace } from "./stack-trace";

function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Every field of one line, as a flat list and as JSON, with copy buttons. */
export function LogLineDetails({ line, mapping }: { line: LogLine; mapping: FieldMapping }) {
  const [view, setView] = useState<"fields" | "json">("fields");
  const json = JSON.stringify(line.source, null, 2);
  const correlationFields = new Set(mapping.correlationIds);
  return (
    <div className="line-details" data-testid="line-details">
      <div className="form-actions">
        <button type="button" aria-pressed={view === "fields"} onClick={() => setView("fields")}>Fields</button>
        <button type="button" aria-pressed={view === "json"} onClick={() => setView("json")}>JSON</button>
        <CopyButton text={json} label="Copy JSON" />
      </div>
      {view === "json" ? (
        <pre className="json">{json}</pre>
      ) : (
        <dl className="field-list">
          {flattenDocument(line.source).map(([field, value]) => (
            <div key={field} className="field-row">
              <dt>{field}</dt>
              <dd>
                {field === mapping.errorStack && typeof value === "string" ? (
                  <StackTrace text={value} />
                ) : correlationFields.has(field) && typeof value === "string" ? (
                  <CorrelationIdLink id={value} around={line.timestamp} />
                ) : (
                  <span className="value">{formatValue(value)}</span>
                )}
                <CopyButton text={formatValue(value)} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
