"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { flattenDocument } from "@/lib/logs/flatten-document";
import { requestLinkHints } from "@/lib/requests/request-link";
import type { LogLine } from "@/lib/schemas/log-search";
import { CorrelationIdLink } from "./correlation-id-link";
import { StackTrace } from "./stack-trace";
import { SurroundingLines } from "./surrounding-lines";

function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Every field of one line, as a flat list and as JSON, with copy buttons. */
export function LogLineDetails({ line, mapping }: { line: LogLine; mapping: FieldMapping }) {
  const [view, setView] = useState<"fields" | "json">("fields");
  const [showSurrounding, setShowSurrounding] = useState(false);
  const json = JSON.stringify(line.source, null, 2);
  // A mapped "request_id.keyword" sub-field shows up in the document as "request_id".
  const correlationFields = new Set(mapping.correlationIds.flatMap((field) => [field, field.replace(/\.keyword$/, "")]));
  return (
    <div className="line-details" data-testid="line-details">
      <div className="form-actions">
        <button type="button" aria-pressed={view === "fields"} onClick={() => setView("fields")}>Fields</button>
        <button type="button" aria-pressed={view === "json"} onClick={() => setView("json")}>JSON</button>
        <CopyButton text={json} label="Copy JSON" />
        <button type="button" aria-expanded={showSurrounding} onClick={() => setShowSurrounding((shown) => !shown)}>Surrounding lines</button>
      </div>
      {showSurrounding ? <SurroundingLines lineId={line.id} source={line.sourceName} /> : null}
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
                  <CorrelationIdLink id={value} around={line.timestamp} hints={requestLinkHints(line.source, mapping)} />
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
