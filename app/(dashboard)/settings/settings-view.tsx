"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCan } from "@/components/auth/actor-context";
import { LogSettingsForm } from "@/components/forms/log-settings/log-settings-form";
import { SourcesTable } from "@/components/settings/sources-table";
import { ErrorPanel } from "@/components/ui/error-panel";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { createLogSourceMutationOptions, deleteLogSourceMutationOptions, logSourcesQueryOptions, sourceChecksQueryOptions, updateLogSourceMutationOptions } from "@/lib/queries/sources";
import type { LogSource, LogSourceInput } from "@/lib/schemas/log-source";

const NEW_SOURCE: LogSourceInput = { name: "", indexPattern: "", mapping: ECS_FIELD_MAPPING, enabled: true };

/** Settings: the log sources every view reads, each with its own index pattern and field mapping. */
export function SettingsView() {
  const canEdit = useCan("settings:write");
  const queryClient = useQueryClient();
  const { data, error } = useQuery(logSourcesQueryOptions());
  const checks = useQuery(sourceChecksQueryOptions());
  const [editing, setEditing] = useState<LogSource | "new" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const create = useMutation(createLogSourceMutationOptions(queryClient));
  const update = useMutation(updateLogSourceMutationOptions(queryClient));
  const remove = useMutation(deleteLogSourceMutationOptions(queryClient));
  const failure = create.error ?? update.error ?? remove.error;

  const save = async (input: LogSourceInput) => {
    setSaved(null);
    const request = editing === "new" || editing === null ? create.mutateAsync(input) : update.mutateAsync({ id: editing.id, input: { ...input, version: editing.version } });
    await request.then(
      (source) => {
        setSaved(`Saved ${source.name} (version ${source.version}).`);
        setEditing(null);
      },
      () => {},
    );
  };
  const reset = () => [create, update, remove].forEach((mutation) => mutation.reset());

  return (
    <div className="view">
      <div className="toolbar">
        <h1>Settings</h1>
        {canEdit && editing === null ? (
          <button type="button" onClick={() => { reset(); setEditing("new"); }}>Add source</button>
        ) : null}
      </div>
      <section className="panel" aria-labelledby="sources-title">
        <h2 id="sources-title">Log sources</h2>
        <p className="muted">
          Every view reads every enabled source in one search, each with its own field names; the explorer reads one at a time. Patterns of enabled sources may not overlap, so no line is counted twice.
        </p>
        {!canEdit ? <p className="notice" data-testid="read-only-notice">Only admins can change these settings; you are seeing them read-only.</p> : null}
        {error ? <ErrorPanel title="Settings are unavailable" message={error.message} /> : null}
        {data?.notices.map((notice) => <p key={notice} className="banner banner-warning">{notice}</p>)}
        {data ? (
          <SourcesTable
            sources={data.sources}
            checks={checks.data?.checks}
            canEdit={canEdit}
            onEdit={(source) => { reset(); setEditing(source); }}
            onToggle={(source) => update.mutate({ id: source.id, input: { ...source, enabled: !source.enabled } })}
            onDelete={(source) => remove.mutate({ id: source.id, version: source.version })}
          />
        ) : null}
        {data?.usingDefault ? <p className="notice">No source is saved yet: Triage reads {data.sources[0]?.indexPattern} with ECS field names. Saving it, or adding another, stores it.</p> : null}
        {failure ? <p role="alert" className="error-text">{failure.message}</p> : null}
        {saved ? <p role="status">{saved}</p> : null}
      </section>
      {editing !== null || (!canEdit && data) ? (
        <section className="panel" aria-labelledby="source-form-title">
          <h2 id="source-form-title">{editing === "new" ? "New source" : editing ? `Source ${editing.name}` : `Source ${data?.sources[0]?.name ?? ""}`}</h2>
          <LogSettingsForm
            key={editing === "new" ? "new" : editing ? `${editing.id}-${editing.version}` : "read-only"}
            defaultValues={editing === "new" ? NEW_SOURCE : (editing ?? data!.sources[0]!)}
            readOnly={!canEdit}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
          {editing && editing !== "new" && editing.updatedBy ? <p className="notice">Last changed by {editing.updatedBy} at {editing.updatedAt}.</p> : null}
        </section>
      ) : null}
    </div>
  );
}
