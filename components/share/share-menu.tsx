"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { createShareLinkMutationOptions } from "@/lib/queries/share";
import type { ShareViewKind } from "@/lib/schemas/share-link";
import { OpenIncidentButton } from "@/components/incidents/open-incident-button";
import { currentView } from "./current-view";

const EXPIRY_CHOICES = [{ days: null, label: "Never expires" }, { days: 1, label: "Expires in 1 day" }, { days: 7, label: "Expires in 7 days" }, { days: 30, label: "Expires in 30 days" }] as const;

/**
 * "Share" (a short link with time frozen), "Share with snapshot" (also keeps what is on screen)
 * and "Open incident" from this view. The link is shown to copy, since clipboards may be refused.
 */
export function ShareMenu({ kind, pathParams }: { kind: ShareViewKind; pathParams?: { id?: string } }) {
  const queryClient = useQueryClient();
  const create = useMutation(createShareLinkMutationOptions(queryClient));
  const [origin] = useState(() => (typeof window === "undefined" ? "" : window.location.origin));
  const [expiresInDays, setExpiresInDays] = useState<number | null>(null);
  const share = (snapshot: boolean) => create.mutate({ ...currentView(kind, pathParams), snapshot, ...(expiresInDays ? { expiresInDays } : {}) });
  const url = create.data ? `${origin}${create.data.path}` : null;
  return (
    <div className="share-menu" data-testid="share-menu">
      <button type="button" onClick={() => share(false)} disabled={create.isPending}>Share</button>
      <button type="button" onClick={() => share(true)} disabled={create.isPending}>Share with snapshot</button>
      <select aria-label="Link expires" value={expiresInDays ?? ""} onChange={(event) => setExpiresInDays(event.target.value ? Number(event.target.value) : null)}>
        {EXPIRY_CHOICES.map((choice) => <option key={choice.label} value={choice.days ?? ""}>{choice.label}</option>)}
      </select>
      <OpenIncidentButton kind={kind} pathParams={pathParams} />
      {create.isPending ? <span className="muted" role="status">Freezing this view…</span> : null}
      {create.error ? <span className="error-text" role="alert">{create.error.message}</span> : null}
      {url && create.data ? (
        <span className="share-result" role="status">
          <input readOnly aria-label={create.data.hasSnapshot ? "Snapshot link" : "Short link"} data-testid="short-link" value={url} size={34} onFocus={(event) => event.target.select()} />
          <CopyButton text={url} label="Copy" />
          {create.data.hasSnapshot ? <span className="muted">with snapshot</span> : null}
        </span>
      ) : null}
    </div>
  );
}
