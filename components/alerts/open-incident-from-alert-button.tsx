"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { openIncidentFromAlertMutationOptions } from "@/lib/queries/incidents";

/**
 * "Open incident" next to a firing series: the server names it after the rule and series, maps the
 * severity, pins the overview over the episode and puts the episode on its timeline; then its page opens.
 */
export function OpenIncidentFromAlertButton({ ruleId, seriesKey, seriesLabel }: { ruleId: string; seriesKey: string; seriesLabel: string }) {
  const router = useRouter();
  const open = useMutation(openIncidentFromAlertMutationOptions(useQueryClient()));
  return (
    <>
      {" "}
      <button type="button" className="link-button" disabled={open.isPending} onClick={() => open.mutate({ ruleId, input: { seriesKey } }, { onSuccess: (incident) => router.push(`/incidents/${encodeURIComponent(incident.id)}`) })}>
        {open.isPending ? "Opening…" : "Open incident"}<span className="visually-hidden"> for {seriesLabel}</span>
      </button>
      {open.error ? <span role="alert" className="error-text"> {open.error.message}</span> : null}
    </>
  );
}
