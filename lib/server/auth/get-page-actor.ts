import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/roles";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import type { Actor } from "@/lib/schemas/auth";
import { isDatabaseConnectionError } from "../errors";
import { appOrigin } from "../http/check-origin";
import { resolveActor } from "./resolve-actor";

export type PageActorResult = { ok: true; actor: Actor } | { ok: false; outage: string };

/**
 * The signed-in user for a server-rendered page, or a redirect to the login page that
 * brings them back. With Postgres down nobody can be authenticated: the page says so.
 */
export async function getPageActor(): Promise<PageActorResult> {
  const requestHeaders = await headers();
  let actor: Actor | null;
  try {
    actor = await resolveActor(requestHeaders);
  } catch (error) {
    if (!isDatabaseConnectionError(error)) throw error;
    return { ok: false, outage: "Postgres is unreachable, so Triage cannot check who you are. Sign-in and all views are unavailable until it is back." };
  }
  if (!actor) redirect(`/login?next=${encodeURIComponent(safeNextPath(requestHeaders.get("x-triage-path"), appOrigin(requestHeaders)))}`);
  return { ok: true, actor };
}

/** For pages that need more than a viewer: a readable refusal instead of a broken form. */
export function pageAllows(actor: Actor, permission: Permission): boolean {
  return can(actor.role, permission);
}
