"use client";

import { useState } from "react";
import { checkQuerySyntax } from "@/lib/logs/check-query-syntax";

export interface QueryBoxProps {
  value: string;
  onSubmit: (query: string) => void;
  /** The server's objection to the applied query (syntax the pre-flight check missed, unknown fields). */
  serverError?: string | null;
  /** Fields a bare term searches, shown as a hint. */
  queryFields?: string[];
}

const columnOf = (message: string) => Number(/\(column (\d+)\)/.exec(message)?.[1] ?? 0);

/**
 * The Lucene query box. Syntax is checked here before anything is sent, and every error, local or
 * from the server, is shown under the box with a caret at its column.
 */
export function QueryBox({ value, onSubmit, serverError, queryFields = [] }: QueryBoxProps) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  const [localError, setLocalError] = useState<{ query: string; message: string } | null>(null);
  if (applied !== value) {
    // The URL changed under us (a sidebar click, the back button): show what is applied.
    setApplied(value);
    setDraft(value);
    setLocalError(null);
  }
  const error = localError ?? (serverError ? { query: value, message: serverError } : null);
  const column = error ? columnOf(error.message) : 0;
  return (
    <div className="lx-query">
      <form
        role="search"
        aria-label="Log query"
        className="lx-query-form"
        onSubmit={(event) => {
          event.preventDefault();
          const check = checkQuerySyntax(draft);
          if (!check.ok) return setLocalError({ query: draft, message: `Query syntax: ${check.message}` });
          setLocalError(null);
          onSubmit(draft.trim());
        }}
      >
        <input
          aria-label="Query"
          className="lx-query-input"
          data-shortcut-focus="query"
          value={draft}
          placeholder='Lucene syntax, e.g. service.name:users AND "connection reset"'
          spellCheck={false}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "lx-query-error" : "lx-query-hint"}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      {error ? (
        <div id="lx-query-error" className="lx-query-error" role="alert" data-testid="query-error" data-column={column || undefined}>
          {column > 0 ? <pre className="lx-query-caret" aria-hidden="true">{`${error.query}\n${" ".repeat(column - 1)}^`}</pre> : null}
          <span>{error.message}</span>
        </div>
      ) : (
        <p id="lx-query-hint" className="notice">
          Terms without a field search {queryFields.length ? queryFields.join(", ") : "every field"}. Leading wildcards (*abc) are off.
        </p>
      )}
    </div>
  );
}
