"use client";

import type { ReactNode } from "react";
import type { AlertSeriesView, AlertSilenceView } from "@/lib/schemas/alert-rule-api";
import { RuleStateBadge } from "./rule-state-badge";
import { SilenceControl } from "./silence-control";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

const at = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 19) : "–");
const seriesName = (key: string) => (key === "*" ? "all services" : key);

export interface AlertSeriesTableProps {
  series: AlertSeriesView[];
  silences: AlertSilenceView[];
  unit: string;
  canEdit: boolean;
  onSilence: (seriesKey: string, endsAt: string) => void;
  onUnsilence: (silenceId: string) => void;
  /** Shown next to a series' state (the rule page's "Open incident" on a firing one). */
  stateActions?: (series: AlertSeriesView, label: string) => ReactNode;
}

/** Each series' current state (with the flapping marker), last value, since when, and its silence. */
export function AlertSeriesTable({ series, silences, unit, canEdit, onSilence, onUnsilence, stateActions }: AlertSeriesTableProps) {
  return (
    <KeyboardTable className="table" aria-label="Series">
      <thead>
        <tr><th scope="col">Series</th><th scope="col">State</th><th scope="col">Last value ({unit})</th><th scope="col">Since</th><th scope="col">Last evaluation</th><th scope="col">Silence</th></tr>
      </thead>
      <tbody>
        {series.map((item) => {
          const own = silences.find((silence) => silence.seriesKey === item.seriesKey);
          return (
            <tr key={item.id} data-testid={`series-row-${item.seriesKey}`} data-status={item.status} data-row="">
              <th scope="row">{seriesName(item.seriesKey)}</th>
              <td><RuleStateBadge state={item.status} flapping={item.flapping} />{stateActions?.(item, seriesName(item.seriesKey))}</td>
              <td>{item.lastValue === null ? "no data" : Number(item.lastValue.toFixed(2))}</td>
              <td>{at(item.since)}</td>
              <td>{at(item.lastEvaluatedAt)}</td>
              <td>
                {item.silencedUntil ? <span data-testid="silenced-until">Silenced until {at(item.silencedUntil)} </span> : null}
                {canEdit && own ? <button type="button" className="link-button" onClick={() => onUnsilence(own.id)}>End silence<span className="visually-hidden"> of {seriesName(item.seriesKey)}</span></button> : null}
                {canEdit && !own ? <SilenceControl target={seriesName(item.seriesKey)} onSilence={(endsAt) => onSilence(item.seriesKey, endsAt)} /> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </KeyboardTable>
  );
}
