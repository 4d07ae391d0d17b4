"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCan } from "@/components/auth/actor-context";
import { LogSettingsForm } from "@/components/forms/log-settings/log-settings-form";
import { ErrorPanel } from "@/components/ui/error-panel";
import { logSettingsQueryOptions, saveLogSettingsMutationOptions } from "@/lib/queries/settings";

export function SettingsView() {
  const canEdit = useCan("settings:write");
  const queryClient = useQueryClient();
  const { data, error } = useQuery(logSettingsQueryOptions());
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(saveLogSettingsMutationOptions(queryClient));
  return (
    <div className="view">
      <div className="toolbar"><h1>Settings</h1></div>
      <section className="panel">
        {!canEdit ? <p className="notice" data-testid="read-only-notice">Only admins can change these settings; you are seeing them read-only.</p> : null}
        {error ? <ErrorPanel title="Settings are unavailable" message={error.message} /> : null}
        {data ? (
          <LogSettingsForm key={data.version} defaultValues={data} readOnly={!canEdit} onSubmit={async (settings) => {
              setSaved(null);
              await save.mutateAsync({ ...settings, version: data.version }).then((result) => setSaved(`Saved (version ${result.version}).`), () => {});
            }} />
        ) : null}
        {save.error ? <p role="alert" className="error-text">{save.error.message}</p> : null}
        {saved ? <p role="status">{saved}</p> : null}
        {data?.updatedBy ? <p className="notice">Last changed by {data.updatedBy} at {data.updatedAt}.</p> : null}
      </section>
    </div>
  );
}
