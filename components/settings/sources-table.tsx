"use client";

import type { LogSource, SourceCheck } from "@/lib/schemas/log-source";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

interface SourcesTableProps {
  sources: LogSource[];
  /** Each source against its indices; absent while loading. */
  checks?: SourceCheck[];
  canEdit: boolean;
  onEdit: (source: LogSource) => void;
  onToggle: (source: LogSource) => void;
  onDelete: (source: LogSource) => void;
}

/** The sources with what is wrong with each (no index, missing fields), and the admin's actions. */
export function SourcesTable({ sources, checks, canEdit, onEdit, onToggle, onDelete }: SourcesTableProps) {
  const checkOf = (source: LogSource) => checks?.find((check) => check.id === source.id);
  return (
    <KeyboardTable className="table" data-testid="sources-table">
      <thead>
        <tr><th>Source</th><th>Index pattern</th><th>Indices</th><th>State</th><th>Version</th>{canEdit ? <th /> : null}</tr>
      </thead>
      <tbody>
        {sources.map((source) => {
          const check = checkOf(source);
          return (
            <tr key={source.id} data-source={source.name} data-row="">
              <td>{source.name}</td>
              <td><code>{source.indexPattern}</code></td>
              <td>
                {check ? check.indexCount : "…"}
                {check?.problems.map((problem) => <p key={problem} className="error-text" data-testid="source-problem">{problem}</p>)}
              </td>
              <td>{source.enabled ? "read" : "disabled"}</td>
              <td>{source.version}</td>
              {canEdit ? (
                <td className="nowrap">
                  <button type="button" className="link-button" onClick={() => onEdit(source)}>Edit</button>{" "}
                  <button type="button" className="link-button" onClick={() => onToggle(source)}>{source.enabled ? "Disable" : "Enable"}</button>{" "}
                  {sources.length > 1 ? (
                    <button type="button" className="link-button" onClick={() => window.confirm(`Delete the source ${source.name}? Views stop reading ${source.indexPattern}; the logs themselves stay in the engine.`) && onDelete(source)}>
                      Delete
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </KeyboardTable>
  );
}
