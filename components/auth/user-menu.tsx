"use client";

import { useState } from "react";
import { postJson } from "@/lib/queries/send-json";
import { useActor } from "./actor-context";

export function UserMenu() {
  const actor = useActor();
  const [error, setError] = useState<string | null>(null);
  async function logOut(everywhere: boolean) {
    try {
      await postJson(`/api/auth/logout?everywhere=${everywhere}`, {});
      // A full load, not a client navigation: it drops every query cached for the old session.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/login");
    } catch (failure) {
      setError((failure as Error).message);
    }
  }
  return (
    <div className="user-menu">
      <span title={actor.email}>{actor.name}</span>
      <span className="badge" data-testid="role-badge">{actor.role}</span>
      <button type="button" onClick={() => void logOut(false)}>Log out</button>
      <button type="button" className="link-button" onClick={() => void logOut(true)} title="End every session of yours, on every device">Log out everywhere</button>
      {error ? <span role="alert" className="error-text">{error}</span> : null}
    </div>
  );
}
