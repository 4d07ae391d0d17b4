"use client";

import { KeyboardTable } from "@/components/keyboard/keyboard-table";
import { describeChange } from "@/lib/alerts/rule-changes";
import type { AlertTransitionView, AuditEntryView, NotificationView } from "@/lib/schemas/alert-rule-api";

const at = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 19) : "–");
const seriesName = (key: string | null) => (key === null ? "(rule)" : key === "*" ? "all services" : key);

/** State changes, newest first. */
export function TransitionsTable({ transitions }: { transitions: AlertTransitionView[] }) {
  if (transitions.length === 0) return <p className="muted">No state changes yet.</p>;
  return (
    <KeyboardTable className="table compact" aria-label="History of state changes">
      <thead><tr><th scope="col">When</th><th scope="col">Series</th><th scope="col">Change</th><th scope="col">Value</th><th scope="col">Threshold</th><th scope="col">Note</th></tr></thead>
      <tbody>
        {transitions.map((row) => (
          <tr key={row.id} data-testid="transition-row" data-row="">
            <td>{at(row.evaluatedAt)}</td>
            <td>{seriesName(row.seriesKey)}</td>
            <td>{row.fromStatus} → {row.toStatus}{row.flapping ? " (flapping)" : ""}</td>
            <td>{row.value === null ? "no data" : Number(row.value.toFixed(2))}</td>
            <td>{row.threshold}</td>
            <td>{row.note ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </KeyboardTable>
  );
}

/** Notifications from the outbox with every delivery attempt. */
export function NotificationsTable({ notifications }: { notifications: NotificationView[] }) {
  if (notifications.length === 0) return <p className="muted">No notifications yet.</p>;
  return (
    <KeyboardTable className="table compact" aria-label="Notifications">
      <thead><tr><th scope="col">Created</th><th scope="col">Series</th><th scope="col">Kind</th><th scope="col">Contact point</th><th scope="col">Status</th><th scope="col">Attempts</th></tr></thead>
      <tbody>
        {notifications.map((row) => (
          <tr key={row.id} data-testid="notification-row" data-status={row.status} data-row="">
            <td>{at(row.createdAt)}</td>
            <td>{seriesName(row.seriesKey)}</td>
            <td>{row.kind}</td>
            <td>{row.contactPoint}</td>
            <td className={row.status === "failed" ? "error-text" : undefined}>{row.status}{row.deliveredAt ? ` ${at(row.deliveredAt)}` : ""}{row.lastError ? ` · ${row.lastError}` : ""}</td>
            <td>
              <ol className="attempts">
                {row.attempts.map((attempt) => (
                  <li key={attempt.attempt}>{at(attempt.startedAt)}: {attempt.ok ? "delivered" : "failed"}{attempt.httpStatus ? ` (HTTP ${attempt.httpStatus})` : ""}, {attempt.latencyMs} ms{attempt.error ? ` · ${attempt.error}` : ""}</li>
                ))}
              </ol>
            </td>
          </tr>
        ))}
      </tbody>
    </KeyboardTable>
  );
}

/** Who changed the rule, when, and which fields. */
export function AuditList({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) return <p className="muted">No changes recorded.</p>;
  return (
    <KeyboardTable className="table compact" aria-label="Changes to this rule">
      <thead><tr><th scope="col">When</th><th scope="col">Change</th><th scope="col">By</th><th scope="col">Fields</th></tr></thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} data-testid="audit-entry" data-row="">
            <td>{at(entry.createdAt)}</td>
            <td><strong>{entry.action.replace(/^alert_rule\./, "")}</strong></td>
            <td>{entry.actorEmail ?? "system"}</td>
            <td>{entry.changes.length > 0 && entry.action !== "alert_rule.created" ? <ul className="audit-list">{entry.changes.map((change) => <li key={change.field}><code>{describeChange(change)}</code></li>)}</ul> : null}</td>
          </tr>
        ))}
      </tbody>
    </KeyboardTable>
  );
}
