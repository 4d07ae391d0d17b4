import type { AlertRuleFormValues } from "@/lib/schemas/alert-rule";
import { DEMO_SERVICES } from "./services";

/**
 * The alert rules `npm run demo` seeds, so /alerts is not empty on a first visit. Their windows
 * reach back over the seeded incidents (users' 500s at -20 min, payments' provider timeouts at
 * -12 min), so they fire when the demo starts and resolve on their own as those slide out of the
 * window; live traffic plays no incidents. No contact point: nothing is sent anywhere.
 */
export const DEMO_ALERT_RULES: AlertRuleFormValues[] = [
  {
    name: "5xx error rate per service",
    description: "Seeded by npm run demo. Fires for the services the seeded incidents hit, and resolves as they leave the 30-minute window.",
    severity: "critical",
    labels: { team: "demo" },
    measure: { kind: "error_rate" },
    scope: { perService: true },
    condition: { comparator: "above", threshold: 5, windowMinutes: 30, intervalSeconds: 60 },
  },
  {
    name: "p99 latency per service",
    description: "Seeded by npm run demo. The payment provider's 2 s timeouts push payments (and orders, which waits on it) over the line.",
    severity: "warning",
    labels: { team: "demo" },
    measure: { kind: "latency_percentile", percentile: "p99" },
    // The HTTP services only: PostgreSQL logs only statements over 100 ms, so its p99 is always high.
    scope: { perService: true, services: [...DEMO_SERVICES] },
    condition: { comparator: "above", threshold: 1_500, windowMinutes: 15, intervalSeconds: 60 },
  },
];
