"use client";

import { Fragment, useRef, useState } from "react";
import { useTableShortcuts } from "@/components/keyboard/use-table-shortcuts";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { isErrorLevel } from "@/lib/logs/level-scheme";
import { readField, readString } from "@/lib/requests/read-log-fields";
import { requestLinkHints } from "@/lib/requests/request-link";
import type { LogLine } from "@/lib/schemas/log-search";
import { CorrelationIdLink } from "./correlation-id-link";
import { HighlightedText } from "./highlighted-text";
import { LogLineDetails } from "./log-line-details";

export interface LogTableProps {
  lines: LogLine[];
  mapping: FieldMapping;
  /** Per source, when the lines come from several (by each line's `sourceName`). */
  mappings?: Record<string, FieldMapping>;
  /** Extra columns (dotted field names) after time, service, level and message. */
  columns?: string[];
  highlight?: string[];
  /** Controlled selection (the explorer keeps it in the URL); uncontrolled when omitted. */
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
}

function cell(value: unknown): string {
  return value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Log lines as a table, shared by the explorer and the request drilldown. A row expands to
 * every field; correlation ids link to the drilldown; matched terms are highlighted.
 */
export function LogTable({ lines, mapping: fallback, mappings, columns = [], highlight = [], selectedId, onSelect }: LogTableProps) {
  const [localSelection, setLocalSelection] = useState<string | null>(null);
  const selected = selectedId !== undefined ? selectedId : localSelection;
  const select = (id: string | null) => (onSelect ? onSelect(id) : setLocalSelection(id));
  const table = useRef<HTMLTableElement>(null);
  useTableShortcuts(table, { onClose: () => (selected ? (select(null), true) : false) });
  return (
    <div className="table-scroll">
      <table ref={table} className="table log-table" data-testid="log-table">
        <thead>
          <tr>
            <th>Time (UTC)</th><th>Service</th><th>Level</th><th>Request</th><th>Message</th>
            {columns.map((column) => <th key={column}>{column}</th>)}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const isOpen = selected === line.id;
            // Lines of several sources (the drilldown) each name their fields by their own source's mapping.
            const mapping = (line.sourceName ? mappings?.[line.sourceName] : undefined) ?? fallback;
            const correlationField = mapping.correlationIds[0]!;
            // Numbers too: pino-http's default request ids are counters.
            const requestId = mapping.correlationIds.map((field) => readString(line.source, field)).find(Boolean) ?? undefined;
            // Lines arrive with level names under every scheme (pino's 50 as "error"), so names decide.
            const level = (line.level ?? "").toUpperCase();
            return (
              <Fragment key={line.id}>
                <tr
                  className={`log-row${isErrorLevel(line.level, "names") ? " is-error" : ""}${isOpen ? " is-open" : ""}`}
                  data-line-id={line.id}
                  data-row=""
                  data-open={isOpen}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest("a,button")) return;
                    select(isOpen ? null : line.id);
                  }}
                >
                  <td className="nowrap">
                    {/* The disclosure is a button on the time (a table row cannot carry aria-expanded), so a keyboard reaches it too. */}
                    <button type="button" className="link-button log-row-toggle" data-row-open="" aria-expanded={isOpen} aria-controls={isOpen ? `line-details-${line.id}` : undefined} onClick={() => select(isOpen ? null : line.id)}>
                      {line.timestamp?.replace("T", " ").replace("Z", "") ?? ""}
                    </button>
                  </td>
                  <td>{line.service}</td>
                  <td className={`level level-${level.toLowerCase()}`}>{level}</td>
                  <td className="nowrap" title={correlationField}>{requestId ? <CorrelationIdLink id={requestId} around={line.timestamp} hints={requestLinkHints(line.source, mapping)} /> : null}</td>
                  <td className="message"><HighlightedText text={line.message ?? ""} terms={highlight} /></td>
                  {columns.map((column) => <td key={column}><HighlightedText text={cell(readField(line.source, column))} terms={highlight} /></td>)}
                </tr>
                {isOpen ? (
                  <tr className="log-details-row" id={`line-details-${line.id}`}>
                    <td colSpan={5 + columns.length}><LogLineDetails line={line} mapping={mapping} /></td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
