"use client";

import Link from "next/link";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";
import type { AlertRuleRow } from "@/lib/schemas/alert-rule-api";
import { RuleStateBadge } from "./rule-state-badge";

const formatValue = (value: number | null, unit: string) => (value === null ? "–" : `${Number(value.toFixed(2))}${unit === "%" ? "%" : ` ${unit}`}`);

/** The rules, worst state first, each with its series count, worst value and last evaluation. */
export function AlertRulesTable({ rules, canEdit, onToggle }: { rules: AlertRuleRow[]; canEdit: boolean; onToggle: (rule: AlertRuleRow) => void }) {
  return (
    <KeyboardTable className="table" aria-label="Alert rules">
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Rule</th>
          <th scope="col">Severity</th>
          <th scope="col">Series</th>
          <th scope="col">Last value</th>
          <th scope="col">Last evaluation</th>
          <th scope="col">Labels</th>
          {canEdit ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <tr key={rule.id} data-testid={`alert-rule-row-${rule.name}`} data-state={rule.state} data-row="">
            <td>
              <RuleStateBadge state={rule.state} />
              {rule.silenced ? <span className="badge">silenced</span> : null}
            </td>
            <th scope="row"><Link href={`/alerts/${rule.id}`}>{rule.name}</Link></th>
            <td>{rule.severity}</td>
            <td>{rule.seriesCount}{rule.firingCount > 0 ? ` (${rule.firingCount} firing)` : ""}</td>
            <td>{formatValue(rule.lastValue, rule.unit)}</td>
            <td>{rule.lastEvaluatedAt ? new Date(rule.lastEvaluatedAt).toISOString().replace("T", " ").slice(0, 19) : "not yet"}{rule.lastError ? <small className="error-text"> · {rule.lastError}</small> : null}</td>
            <td>{Object.entries(rule.labels).map(([key, value]) => <span key={key} className="badge">{key}={value}</span>)}</td>
            {canEdit ? (
              <td><button type="button" className="link-button" onClick={() => onToggle(rule)}>{rule.enabled ? "Disable" : "Enable"}<span className="visually-hidden"> {rule.name}</span></button></td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </KeyboardTable>
  );
}
