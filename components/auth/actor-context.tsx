"use client";

import { createContext, useContext } from "react";
import { can, type Permission } from "@/lib/auth/roles";
import type { Actor } from "@/lib/schemas/auth";

const ActorContext = createContext<Actor | null>(null);

export function ActorProvider({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  return <ActorContext.Provider value={actor}>{children}</ActorContext.Provider>;
}

export function useActor(): Actor {
  const actor = useContext(ActorContext);
  if (!actor) throw new Error("useActor outside ActorProvider");
  return actor;
}

/** For showing or hiding controls only; the server enforces the same rule. */
export function useCan(permission: Permission): boolean {
  return can(useActor().role, permission);
}
