import type { DemoService } from "./services";

/** The five incidents the demo plays, each in a known window before the anchor. */
export const INCIDENT_IDS = [
  "users-null-user-500",
  "orders-slow-query",
  "payments-provider-timeout",
  "auth-expired-token-401",
  "users-cache-race",
] as const;
export type IncidentId = (typeof INCIDENT_IDS)[number];

/** A window relative to the anchor: `offsetMinutes` -20 starts 20 minutes before it. */
export interface IncidentWindow {
  offsetMinutes: number;
  durationMinutes: number;
}

/** `null` switches an incident off (live traffic plays none). */
export type IncidentSchedule = Record<IncidentId, IncidentWindow | null>;

export const DEFAULT_INCIDENT_SCHEDULE: IncidentSchedule = {
  "users-null-user-500": { offsetMinutes: -20, durationMinutes: 3 },
  // Slow queries happen all along; this is where they concentrate.
  "orders-slow-query": { offsetMinutes: -35, durationMinutes: 5 },
  "payments-provider-timeout": { offsetMinutes: -12, durationMinutes: 3 },
  "auth-expired-token-401": { offsetMinutes: -45, durationMinutes: 3 },
  "users-cache-race": { offsetMinutes: -5, durationMinutes: 2 },
};

export const NO_INCIDENTS: IncidentSchedule = {
  "users-null-user-500": null,
  "orders-slow-query": null,
  "payments-provider-timeout": null,
  "auth-expired-token-401": null,
  "users-cache-race": null,
};

export const INCIDENT_INFO: Record<IncidentId, { service: DemoService; title: string }> = {
  "users-null-user-500": { service: "users", title: "Burst of 500s from GET /api/users/{id}: null user (TypeError reading 'email')" },
  "orders-slow-query": { service: "orders", title: "Slow orders query missing an index on (user_id, status)" },
  "payments-provider-timeout": { service: "payments", title: "Payment provider timing out after 2 s (504 -> 502)" },
  "auth-expired-token-401": { service: "auth", title: "Wave of 401s from expired tokens" },
  "users-cache-race": { service: "users", title: "Cache race in users: stale entries and concurrent refresh (409)" },
};

/** How hard each incident hits the requests that pass through it. */
export const INCIDENT_EFFECTS = {
  nullUserShareOfUserReads: 0.7,
  slowQueryShareInWindow: 0.85,
  slowQueryShareOutsideWindow: 0.03,
  timeoutShareOfCheckouts: 0.8,
  expiredTokenShare: 0.35,
  cacheRaceShareOfUpdates: 0.5,
  staleReadShareOfUserReads: 0.25,
  /** Traffic grows during the 401 wave: clients retry. */
  expiredTokenTrafficBoost: 1.4,
} as const;

export interface ResolvedIncident {
  id: IncidentId;
  service: DemoService;
  title: string;
  startMs: number;
  endMs: number;
}

export function resolveIncidents(schedule: IncidentSchedule, anchorMs: number): ResolvedIncident[] {
  const resolved: ResolvedIncident[] = [];
  for (const id of INCIDENT_IDS) {
    const window = schedule[id];
    if (!window) continue;
    const startMs = anchorMs + window.offsetMinutes * 60_000;
    resolved.push({ id, ...INCIDENT_INFO[id], startMs, endMs: startMs + window.durationMinutes * 60_000 });
  }
  return resolved;
}

/** Which incidents are playing at one instant; the request simulator reads this. */
export interface IncidentState {
  nullUser: boolean;
  slowQueryEnabled: boolean;
  slowQueryConcentrated: boolean;
  paymentsTimeout: boolean;
  expiredTokens: boolean;
  cacheRace: boolean;
}

export function incidentStateAt(incidents: readonly ResolvedIncident[], atMs: number): IncidentState {
  const state: IncidentState = {
    nullUser: false,
    slowQueryEnabled: false,
    slowQueryConcentrated: false,
    paymentsTimeout: false,
    expiredTokens: false,
    cacheRace: false,
  };
  for (const incident of incidents) {
    const active = atMs >= incident.startMs && atMs < incident.endMs;
    switch (incident.id) {
      case "users-null-user-500":
        state.nullUser = active;
        break;
      case "orders-slow-query":
        state.slowQueryEnabled = true;
        state.slowQueryConcentrated = active;
        break;
      case "payments-provider-timeout":
        state.paymentsTimeout = active;
        break;
      case "auth-expired-token-401":
        state.expiredTokens = active;
        break;
      case "users-cache-race":
        state.cacheRace = active;
        break;
    }
  }
  return state;
}
