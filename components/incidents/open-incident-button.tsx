"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActor, useCan } from "@/components/auth/actor-context";
import { IncidentForm } from "@/components/forms/incident/incident-form";
import { currentView } from "@/components/share/current-view";
import { createIncidentMutationOptions } from "@/lib/queries/incidents";
import type { IncidentFormValues } from "@/lib/schemas/incident";
import type { ShareViewKind } from "@/lib/schemas/share-link";
import { parseTimeExpression } from "@/lib/time/parse-time-expression";

/** The form's first guess from the view on screen: its services and the start of its range. */
function defaultsFromView(commander: string): IncidentFormValues {
  const params = new URLSearchParams(window.location.search);
  const from = parseTimeExpression(params.get("from") ?? params.get("around") ?? "now-1h", new Date());
  return {
    title: "",
    severity: "sev3",
    status: "investigating",
    services: (params.get("service") ?? "").split(",").filter(Boolean),
    startedAt: (from.ok ? from.date : new Date()).toISOString(),
    endedAt: null,
    commander,
  };
}

/** "Open incident from this view": the new incident pins this view, frozen, as its first link. */
export function OpenIncidentButton({ kind, pathParams }: { kind: ShareViewKind; pathParams?: { id?: string } }) {
  const actor = useActor();
  const allowed = useCan("incidents:write");
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(createIncidentMutationOptions(queryClient));
  const [defaults, setDefaults] = useState<IncidentFormValues | null>(null);
  if (!allowed) return null;
  return (
    <>
      <button type="button" onClick={() => setDefaults(defaults ? null : defaultsFromView(actor.name))} aria-expanded={Boolean(defaults)}>Open incident</button>
      {defaults ? (
        <div className="popover panel" role="dialog" aria-label="Open an incident from this view" onKeyDown={(event) => { if (event.key === "Escape") setDefaults(null); }}>
          <h2>Open an incident from this view</h2>
          <IncidentForm
            defaultValues={defaults}
            submitLabel="Open incident"
            onCancel={() => setDefaults(null)}
            onSubmit={async (values) => {
              const incident = await create.mutateAsync({ ...values, fromView: currentView(kind, pathParams) });
              router.push(`/incidents/${incident.id}`);
            }}
          />
        </div>
      ) : null}
    </>
  );
}
