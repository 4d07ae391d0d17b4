"use client";

import { useSyncExternalStore } from "react";
import { REFRESH_INTERVAL_MS, type RefreshInterval } from "./time-parsers";

function subscribe(onChange: () => void): () => void {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
}

/** Whether the tab is visible; true on the server so the first render matches. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribe, () => document.visibilityState !== "hidden", () => true);
}

/**
 * The URL's refresh choice as a TanStack `refetchInterval`: milliseconds, or false when refresh is
 * off or the tab is hidden (a dashboard left open in a background tab must not keep querying the engine).
 */
export function useRefreshInterval(refresh: RefreshInterval): number | false {
  const visible = usePageVisible();
  const ms = REFRESH_INTERVAL_MS[refresh];
  return visible && ms ? ms : false;
}
