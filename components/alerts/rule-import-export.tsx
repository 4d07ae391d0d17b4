"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiRequestError } from "@/lib/queries/fetch-json";
import { exportAlertRules, importAlertRulesMutationOptions } from "@/lib/queries/alerts";

/** Alerts as code: download every rule as JSON, or apply a JSON document (rules matched by name are replaced). */
export function RuleImportExport({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const importRules = useMutation(importAlertRulesMutationOptions(queryClient));
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: [string, string][] } | null>(null);

  const download = async () => {
    const document = await exportAlertRules();
    const link = Object.assign(window.document.createElement("a"), { href: URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: "application/json" })), download: "triage-alert-rules.json" });
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const upload = async (file: File) => {
    setMessage(null);
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return setMessage({ ok: false, text: `${file.name} is not valid JSON.` });
    }
    await importRules.mutateAsync(document).then(
      (result) => setMessage({ ok: true, text: `Imported ${file.name}: ${result.created} created, ${result.updated} replaced.` }),
      (error: Error) => setMessage({ ok: false, text: error.message, fields: error instanceof ApiRequestError ? Object.entries(error.fields ?? {}) : undefined }),
    );
  };
  return (
    <div className="import-export">
      <button type="button" onClick={() => void download()}>Export JSON</button>
      {canEdit ? (
        <label className="button-like">
          Import JSON
          <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(event) => { const file = event.target.files?.[0]; if (file) void upload(file); event.target.value = ""; }} />
        </label>
      ) : null}
      {message ? (
        <div role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "error-text"} data-testid="import-result">
          {message.ok ? message.text : "The import was refused; nothing was changed."}
          {message.fields?.length ? <ul>{message.fields.map(([field, text]) => <li key={field}><code>{field}</code>: {text}</li>)}</ul> : message.ok ? null : <p>{message.text}</p>}
        </div>
      ) : null}
    </div>
  );
}
