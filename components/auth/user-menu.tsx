"use client";

import { useMutation } from "@tanstack/react-query";
import { logOutMutationOptions } from "@/lib/queries/auth";
import { useActor } from "./actor-context";

export function UserMenu() {
  const actor = useActor();
  const logOutMutation = useMutation({
    ...logOutMutationOptions(),
    // A full load, not a client navigation: it drops every query cached for the old session.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    onSuccess: () => window.location.assign("/login"),
  });
  const logOut = (everywhere: boolean) => logOutMutation.mutate(everywhere);
  const error = logOutMutation.error?.message ?? null;
  return (
    <div className="user-menu">
      <span title={actor.email}>{actor.name}</span>
      <span className="badge" data-testid="role-badge">{actor.role}</span>
      <button type="button" onClick={() => logOut(false)}>Log out</button>
      <button type="button" className="link-button" onClick={() => logOut(true)} title="End every session of yours, on every device">Log out everywhere</button>
      {error ? <span role="alert" className="error-text">{error}</span> : null}
    </div>
  );
}
