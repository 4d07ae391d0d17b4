/**
 * One rule's evaluation, pure: its stored series, this evaluation's reading (or the error that
 * kept it from being read), its silences and the instant, in; every series' step out. The
 * worker and the backtest both step series through here.
 */
import { ALL_SERVICES_SERIES, type AlertRuleInput } from "@/lib/schemas/alert-rule";
import { measureValue, type Components } from "./measure-aggregations";
import { stepSeries, type MachineRule, type Observation, type SeriesState, type StepResult } from "./state-machine";

export type RuleObservation = { kind: "reading"; series: ReadonlyMap<string, Components> } | { kind: "error"; message: string };

export interface StoredSeries {
  id: string;
  seriesKey: string;
  state: SeriesState | null;
}

export interface SeriesStep {
  /** The stored series' id; absent for a series seen for the first time. */
  id?: string;
  seriesKey: string;
  observation: Observation;
  result: StepResult;
}

export function machineRule(rule: AlertRuleInput): MachineRule {
  return { condition: rule.condition, flapping: rule.flapping, noData: rule.noData };
}

export function isSilenced(silences: ReadonlyArray<{ seriesKey: string | null }>, seriesKey: string): boolean {
  return silences.some((silence) => silence.seriesKey === null || silence.seriesKey === seriesKey);
}

export function evaluateRule(input: { rule: AlertRuleInput; stored: readonly StoredSeries[]; observation: RuleObservation; at: number; silences: ReadonlyArray<{ seriesKey: string | null }> }): SeriesStep[] {
  const { rule, observation, at } = input;
  const machine = machineRule(rule);
  const stored = new Map(input.stored.map((series) => [series.seriesKey, series]));
  const keys = new Set(stored.keys());
  if (observation.kind === "reading") for (const key of observation.series.keys()) keys.add(key);
  // A rule over all services always has its one series, even before it has seen data.
  if (!rule.scope.perService) keys.add(ALL_SERVICES_SERIES);

  const steps: SeriesStep[] = [];
  for (const seriesKey of keys) {
    if (rule.scope.perService && seriesKey === ALL_SERVICES_SERIES) continue;
    if (!rule.scope.perService && seriesKey !== ALL_SERVICES_SERIES) continue;
    const known = stored.get(seriesKey);
    let seriesObservation: Observation;
    if (observation.kind === "error") {
      // A per-service rule that has never been read has no series to put in error; the rule's own error says it.
      if (!known && rule.scope.perService) continue;
      seriesObservation = { kind: "error", message: observation.message };
    } else {
      const components = observation.series.get(seriesKey);
      const value = components ? measureValue(rule.measure, components) : null;
      seriesObservation = value === null ? { kind: "nodata" } : { kind: "value", value };
    }
    const result = stepSeries(known?.state ?? undefined, seriesObservation, machine, { now: at, silenced: isSilenced(input.silences, seriesKey) });
    steps.push({ id: known?.id, seriesKey, observation: seriesObservation, result });
  }
  return steps;
}
