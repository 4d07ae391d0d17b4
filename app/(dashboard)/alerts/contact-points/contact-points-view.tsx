"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { ContactPointsTable } from "@/components/alerts/contact-points-table";
import { useCan } from "@/components/auth/actor-context";
import { ContactPointForm } from "@/components/forms/contact-point/contact-point-form";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { contactPointsQueryOptions, createContactPointMutationOptions, deleteContactPointMutationOptions, testContactPointMutationOptions, updateContactPointMutationOptions } from "@/lib/queries/alerts";
import type { ContactPointFormValues, DeliveryResult } from "@/lib/schemas/contact-point";
import { contactPointsSearchParams } from "./search-params";

const NEW_POINT: ContactPointFormValues = { name: "", kind: "webhook", url: "", enabled: true };

/** Where notifications go: webhooks (signed), Slack-compatible hooks and PagerDuty, each with "Send test". */
export function ContactPointsView() {
  const canEdit = useCan("alerts:write");
  const queryClient = useQueryClient();
  const [{ edit }, setState] = useQueryStates(contactPointsSearchParams);
  const { data, error } = useQuery(contactPointsQueryOptions());
  const create = useMutation(createContactPointMutationOptions(queryClient));
  const update = useMutation(updateContactPointMutationOptions(queryClient));
  const remove = useMutation(deleteContactPointMutationOptions(queryClient));
  const test = useMutation(testContactPointMutationOptions());
  const [results, setResults] = useState<Record<string, DeliveryResult | string>>({});
  const editing = edit && edit !== "new" ? data?.contactPoints.find((point) => point.id === edit) : undefined;
  const close = () => void setState({ edit: null });
  return (
    <div className="view">
      <div className="toolbar">
        <h1>Contact points</h1>
        <div className="toolbar-actions">
          <Link href="/alerts">Back to alerts</Link>
          {canEdit && !edit ? <button type="button" onClick={() => void setState({ edit: "new" })}>Add contact point</button> : null}
        </div>
      </div>
      <section className="panel" aria-labelledby="contact-points-title">
        <h2 id="contact-points-title">Saved contact points</h2>
        <p className="muted">Webhook and Slack deliveries carry an <code>X-Triage-Signature</code> header (HMAC-SHA256 of the timestamp and body with the point&apos;s secret) and an <code>Idempotency-Key</code>.</p>
        {error ? <ErrorPanel title="Contact points are unavailable" message={error.message} /> : null}
        {remove.error ? <p role="alert" className="error-text">{remove.error.message}</p> : null}
        {data && data.contactPoints.length === 0 ? <EmptyState title="No contact points yet" /> : null}
        {data && data.contactPoints.length > 0 ? (
          <ContactPointsTable
            contactPoints={data.contactPoints}
            canEdit={canEdit}
            results={results}
            onEdit={(point) => void setState({ edit: point.id })}
            onDelete={(point) => remove.mutate({ id: point.id, version: point.version })}
            onTest={(point) => {
              setResults((current) => ({ ...current, [point.id]: "Sending…" }));
              test.mutate(point.id, { onSuccess: (result) => setResults((current) => ({ ...current, [point.id]: result })), onError: (failure) => setResults((current) => ({ ...current, [point.id]: failure.message })) });
            }}
          />
        ) : null}
      </section>
      {canEdit && (edit === "new" || editing) ? (
        <section className="panel" aria-label="Contact point form">
          <ContactPointForm
            key={editing ? `${editing.id}-${editing.version}` : "new"}
            defaultValues={editing ? { name: editing.name, kind: editing.kind, url: editing.url, enabled: editing.enabled } : NEW_POINT}
            editing={!!editing}
            onCancel={close}
            onSubmit={async (input) => {
              if (editing) await update.mutateAsync({ id: editing.id, input: { version: editing.version, contactPoint: input } });
              else await create.mutateAsync(input);
              close();
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
