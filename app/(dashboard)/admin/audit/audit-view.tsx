"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorPanel } from "@/components/ui/error-panel";
import { auditQueryOptions } from "@/lib/queries/admin";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

export function AuditView() {
  const { data, error } = useQuery(auditQueryOptions());
  return (
    <div className="view">
      <div className="toolbar"><h1>Audit log</h1></div>
      <section className="panel">
        {error ? <ErrorPanel title="The audit log is unavailable" message={error.message} /> : null}
        {data ? (
          <KeyboardTable className="table" data-testid="audit-table">
            <thead><tr><th>Time (UTC)</th><th>Action</th><th>Actor</th><th>Target</th><th>Details</th><th>Address</th></tr></thead>
            <tbody>
              {data.events.map((event) => (
                <tr key={event.id} data-row="">
                  <td>{event.createdAt.slice(0, 19).replace("T", " ")}</td>
                  <td>{event.action}</td>
                  <td>{event.actorEmail ?? "–"}</td>
                  <td>{event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "–"}</td>
                  <td><code>{event.details ? JSON.stringify(event.details) : ""}</code></td>
                  <td>{event.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </KeyboardTable>
        ) : null}
      </section>
    </div>
  );
}
