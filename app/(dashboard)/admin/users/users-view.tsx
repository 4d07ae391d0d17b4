"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UsersTable } from "@/components/admin/users-table";
import { CreateUserForm } from "@/components/forms/user/create-user-form";
import { ErrorPanel } from "@/components/ui/error-panel";
import { createUserMutationOptions, updateUserMutationOptions, usersQueryOptions } from "@/lib/queries/admin";

export function UsersView() {
  const queryClient = useQueryClient();
  const { data, error } = useQuery(usersQueryOptions());
  const create = useMutation(createUserMutationOptions(queryClient));
  const update = useMutation(updateUserMutationOptions(queryClient));
  return (
    <div className="view">
      <div className="toolbar"><h1>Users</h1></div>
      <section className="panel">
        <h2>Add a user</h2>
        <CreateUserForm onSubmit={async (values) => create.mutateAsync(values).then(() => true, () => false)} />
        {create.error ? <p role="alert" className="error-text">{create.error.message}</p> : null}
      </section>
      <section className="panel">
        {error ? <ErrorPanel title="Users are unavailable" message={error.message} /> : null}
        {update.error ? <p role="alert" className="error-text">{update.error.message}</p> : null}
        {data ? <UsersTable users={data.users} onChange={(id, change) => update.mutate({ id, change })} /> : null}
        <p className="notice">Changing a role or disabling an account ends that user&apos;s sessions at once.</p>
      </section>
    </div>
  );
}
