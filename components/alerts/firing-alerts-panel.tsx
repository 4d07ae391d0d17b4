"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { firingAlertsQueryOptions } from "@/lib/queries/alerts";
import { RuleStateBadge } from "./rule-state-badge";

/**
 * The overview's firing (and pending) alerts, read from Postgres. When Postgres cannot be read the
 * panel says so in one line and the rest of the overview, which reads the engine, stays up.
 */
export function FiringAlertsPanel() {
  const { data, error } = useQuery(firingAlertsQueryOptions());
  if (error) return <p className="banner banner-warning" role="status" data-testid="firing-alerts-unavailable">Alert states are unavailable right now: {error.message}</p>;
  if (!data || data.alerts.length === 0) return null;
  return (
    <section className="panel firing-alerts" aria-labelledby="firing-alerts-title" data-testid="firing-alerts">
      <h2 id="firing-alerts-title">Alerts firing now</h2>
      <ul>
        {data.alerts.map((alert) => (
          <li key={`${alert.ruleId}-${alert.seriesKey}`}>
            <RuleStateBadge state={alert.status} flapping={alert.flapping} /> <Link href={`/alerts/${alert.ruleId}`}>{alert.ruleName}</Link>{" "}
            <span className="muted">
              {alert.seriesKey === "*" ? "all services" : alert.seriesKey} · {alert.severity} · {alert.lastValue === null ? "no data" : `${Number(alert.lastValue.toFixed(2))}${alert.unit === "%" ? "%" : ` ${alert.unit}`}`} since {alert.since.slice(11, 16)} UTC
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
