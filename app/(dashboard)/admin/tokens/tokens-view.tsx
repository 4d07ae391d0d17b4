"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiTokensTable } from "@/components/admin/api-tokens-table";
import { CreateApiTokenForm } from "@/components/forms/api-token/create-api-token-form";
import { ErrorPanel } from "@/components/ui/error-panel";
import { apiTokensQueryOptions, createApiTokenMutationOptions, revokeApiTokenMutationOptions } from "@/lib/queries/admin";

export function TokensView() {
  const queryClient = useQueryClient();
  const { data, error } = useQuery(apiTokensQueryOptions());
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(createApiTokenMutationOptions(queryClient));
  const revoke = useMutation(revokeApiTokenMutationOptions(queryClient));
  return (
    <div className="view">
      <div className="toolbar"><h1>API tokens</h1></div>
      <section className="panel">
        <h2>Create a token for automation</h2>
        <CreateApiTokenForm onSubmit={async (values) => { await create.mutateAsync(values).then((result) => setCreated(result.token), () => {}); }} />
        {create.error ? <p role="alert" className="error-text">{create.error.message}</p> : null}
        {created ? (
          <div role="status">
            <p>Copy this token now: it is shown only once. Send it as <code>Authorization: Bearer …</code>.</p>
            <p className="secret" data-testid="new-token">{created}</p>
          </div>
        ) : null}
      </section>
      <section className="panel">
        {error ? <ErrorPanel title="Tokens are unavailable" message={error.message} /> : null}
        {revoke.error ? <p role="alert" className="error-text">{revoke.error.message}</p> : null}
        {data ? <ApiTokensTable tokens={data.tokens} onRevoke={(id) => revoke.mutate(id)} /> : null}
      </section>
    </div>
  );
}
