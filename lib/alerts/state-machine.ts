/**
 * The alert state machine: pure, so the worker and the backtest run the very same code.
 * `stepSeries(state, observation, rule, clock)` takes a series' stored state and this
 * evaluation's observation and returns the next state, the transition to record and the
 * notifications due. Receivers are told "firing" and "resolved" once per episode; while a series
 * flaps (or is silenced) that news is held, and when it settles the net change is sent, if any.
 */
import type { AlertCondition, AlertFlapping, AlertHandling, AlertSeriesStatus } from "@/lib/schemas/alert-rule";

export type Observation = { kind: "value"; value: number } | { kind: "nodata" } | { kind: "error"; message: string };

export interface MachineRule {
  condition: Pick<AlertCondition, "comparator" | "threshold" | "recoveryThreshold" | "pendingSeconds" | "keepFiringSeconds">;
  flapping: AlertFlapping;
  noData: AlertHandling;
}

export interface SeriesState {
  status: AlertSeriesStatus;
  /** When `status` began (epoch ms). */
  since: number;
  /** First evaluation of the current breach (pending's clock). */
  breachSince: number | null;
  /** First evaluation at or past the recovery threshold while firing (keep-firing's clock). */
  clearSince: number | null;
  /** Whether the series counted as alerting at the last evaluation, and since when. */
  active: boolean;
  activeSince: number | null;
  /** Episodes announced so far; `open` is true while receivers were told "firing" and not yet "resolved". */
  episode: number;
  open: boolean;
  /** When the announced episode started (what "resolved" reports). */
  openedAt: number | null;
  /** One character per recent evaluation, "1" where `active` changed: the flapping window. */
  changes: string;
  flapping: boolean;
  /** The status before no data or an engine error, to resume from. */
  resumeStatus: AlertSeriesStatus | null;
  lastValue: number | null;
}

export interface DueNotification {
  kind: "firing" | "resolved";
  episode: number;
  /** When the episode started (the series became active). */
  startedAt: number;
  value: number | null;
}

export interface StepResult {
  state: SeriesState;
  /** Set when the status or the flapping mark changed this evaluation. */
  transition: { from: AlertSeriesStatus; to: AlertSeriesStatus; note: string | null } | null;
  notifications: DueNotification[];
  flapStarted: boolean;
}

export function initialSeriesState(now: number): SeriesState {
  return { status: "ok", since: now, breachSince: null, clearSince: null, active: false, activeSince: null, episode: 0, open: false, openedAt: null, changes: "", flapping: false, resumeStatus: null, lastValue: null };
}

type Timers = Pick<SeriesState, "status" | "breachSince" | "clearSince">;

/** The status a value leads to from `from` (ok, pending or firing). */
function statusForValue(from: Timers, value: number | null, rule: MachineRule, now: number): Timers {
  const { comparator, threshold, recoveryThreshold, pendingSeconds, keepFiringSeconds } = rule.condition;
  const recovery = recoveryThreshold ?? threshold;
  // null stands for "no data, counted as OK": neither breaching nor short of recovery.
  const breaching = value !== null && (comparator === "above" ? value > threshold : value < threshold);
  const recovered = value === null || (comparator === "above" ? value <= recovery : value >= recovery);
  if (from.status === "firing") {
    if (!recovered) return { status: "firing", breachSince: from.breachSince, clearSince: null };
    const clearSince = from.clearSince ?? now;
    if (now - clearSince >= keepFiringSeconds * 1000) return { status: "ok", breachSince: null, clearSince: null };
    return { status: "firing", breachSince: from.breachSince, clearSince };
  }
  if (!breaching) return { status: "ok", breachSince: null, clearSince: null };
  const breachSince = from.status === "pending" ? (from.breachSince ?? now) : now;
  if (now - breachSince >= pendingSeconds * 1000) return { status: "firing", breachSince, clearSince: null };
  return { status: "pending", breachSince, clearSince: null };
}

function resumable(state: SeriesState): Timers {
  const status = state.status === "nodata" || state.status === "error" ? (state.resumeStatus ?? "ok") : state.status;
  return { status, breachSince: state.breachSince, clearSince: state.clearSince };
}

export function stepSeries(previous: SeriesState | undefined, observation: Observation, rule: MachineRule, clock: { now: number; silenced?: boolean }): StepResult {
  const { now } = clock;
  const state = previous ?? initialSeriesState(now);
  let timers: Timers;
  let active: boolean;
  let resumeStatus: AlertSeriesStatus | null = null;

  if (observation.kind === "value" || (observation.kind === "nodata" && rule.noData === "ok")) {
    timers = statusForValue(resumable(state), observation.kind === "value" ? observation.value : null, rule, now);
    active = timers.status === "firing";
  } else {
    // No data kept or alerted on, and engine errors: a state of their own that remembers where
    // to resume. An engine error never moves a series toward OK: nothing resolves unread.
    const status: AlertSeriesStatus = observation.kind === "error" ? "error" : "nodata";
    resumeStatus = resumable(state).status;
    timers = { status, breachSince: state.breachSince, clearSince: state.clearSince };
    active = observation.kind === "nodata" && rule.noData === "alert" ? true : state.active;
  }

  const changed = active !== state.active;
  const changes = (state.changes + (changed ? "1" : "0")).slice(-rule.flapping.evaluations);
  const flapping = [...changes].filter((c) => c === "1").length >= rule.flapping.changes;
  const next: SeriesState = {
    ...timers,
    since: timers.status === state.status ? state.since : now,
    active,
    activeSince: active ? (changed ? now : state.activeSince ?? now) : null,
    episode: state.episode,
    open: state.open,
    openedAt: state.openedAt ?? null,
    changes,
    flapping,
    resumeStatus,
    lastValue: observation.kind === "value" ? observation.value : null,
  };

  const notifications: DueNotification[] = [];
  const value = next.lastValue;
  if (!flapping && !clock.silenced) {
    if (active && !state.open) {
      next.episode = state.episode + 1;
      next.open = true;
      next.openedAt = next.activeSince ?? now;
      notifications.push({ kind: "firing", episode: next.episode, startedAt: next.activeSince ?? now, value });
    } else if (!active && state.open) {
      next.open = false;
      next.openedAt = null;
      notifications.push({ kind: "resolved", episode: state.episode, startedAt: state.openedAt ?? state.since, value });
    }
  }

  const flapStarted = flapping && !state.flapping;
  const statusChanged = next.status !== state.status || previous === undefined && next.status !== "ok";
  let transition: StepResult["transition"] = null;
  if (statusChanged || flapping !== state.flapping) {
    const note = flapStarted ? "started flapping: notifications are held until it settles" : !flapping && state.flapping ? "stopped flapping" : observation.kind === "error" ? observation.message : null;
    transition = { from: state.status, to: next.status, note };
  }
  return { state: next, transition, notifications, flapStarted };
}

/** Reads a stored state back, or null when it is not one (a fresh state is used instead). */
export function parseSeriesState(value: unknown): SeriesState | null {
  if (!value || typeof value !== "object") return null;
  const state = value as Partial<SeriesState>;
  if (typeof state.status !== "string" || typeof state.since !== "number" || typeof state.episode !== "number" || typeof state.changes !== "string") return null;
  return state as SeriesState;
}
