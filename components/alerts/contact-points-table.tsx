"use client";

import { KeyboardTable } from "@/components/keyboard/keyboard-table";
import type { ContactPoint, DeliveryResult } from "@/lib/schemas/contact-point";

export interface ContactPointsTableProps {
  contactPoints: ContactPoint[];
  canEdit: boolean;
  results: Record<string, DeliveryResult | string>;
  onEdit: (point: ContactPoint) => void;
  onDelete: (point: ContactPoint) => void;
  onTest: (point: ContactPoint) => void;
}

const describe = (result: DeliveryResult | string) =>
  typeof result === "string" ? result : result.ok ? `Delivered (HTTP ${result.httpStatus}) in ${result.latencyMs} ms` : `Failed${result.httpStatus ? ` (HTTP ${result.httpStatus})` : ""} after ${result.latencyMs} ms: ${result.error ?? "no reason given"}`;

/** Saved contact points; never their secrets, only whether one is set. */
export function ContactPointsTable({ contactPoints, canEdit, results, onEdit, onDelete, onTest }: ContactPointsTableProps) {
  return (
    <KeyboardTable className="table" aria-label="Contact points">
      <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">URL</th><th scope="col">Signed</th><th scope="col">Enabled</th>{canEdit ? <th scope="col">Actions</th> : null}</tr></thead>
      <tbody>
        {contactPoints.map((point) => (
          <tr key={point.id} data-testid={`contact-point-row-${point.name}`} data-row="">
            <th scope="row">{point.name}</th>
            <td>{point.kind}</td>
            <td><code>{point.url}</code></td>
            <td>{point.kind === "pagerduty" ? (point.hasRoutingKey ? "routing key set" : "no routing key") : point.hasSecret ? "yes" : "no"}</td>
            <td>{point.enabled ? "yes" : "no"}</td>
            {canEdit ? (
              <td>
                <button type="button" onClick={() => onTest(point)}>Send test<span className="visually-hidden"> to {point.name}</span></button>{" "}
                <button type="button" className="link-button" data-row-open="" onClick={() => onEdit(point)}>Edit<span className="visually-hidden"> {point.name}</span></button>{" "}
                <button type="button" className="link-button" onClick={() => onDelete(point)}>Delete<span className="visually-hidden"> {point.name}</span></button>
                {results[point.id] ? <p role="status" data-testid="test-result" className={typeof results[point.id] !== "string" && (results[point.id] as DeliveryResult).ok ? "notice" : "error-text"}>{describe(results[point.id]!)}</p> : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </KeyboardTable>
  );
}
