/**
 * The traffic the real-logger fixtures serve, decided before any request is sent, and what every
 * view must count for it. Two services: checkout takes every request and calls inventory for
 * orders and items, forwarding the X-Request-ID, so one request's lines span two loggers.
 */
export const TRAFFIC_SERVICES = ["checkout", "inventory"] as const;
export type TrafficService = (typeof TRAFFIC_SERVICES)[number];

export interface PlannedRequest {
  id: string;
  method: "GET" | "POST";
  path: string;
  /** null when checkout answers without asking inventory. */
  inventoryStatus: number | null;
  checkoutStatus: number;
  /** Which services log an explicit error line for this request (besides their 5xx completion line). */
  errorLines: TrafficService[];
}

export interface ServiceTruth {
  /** Every line: a start line, the request lines, the error lines and one fatal line. */
  lines: number;
  /** Completion lines, the ones with a status. */
  requests: number;
  status4xx: number;
  status5xx: number;
  /** Explicit error lines plus 5xx completion lines (every kit logs those at error level). */
  errorLines: number;
  fatalLines: number;
}

export interface TrafficTruth {
  services: Record<TrafficService, ServiceTruth>;
  /** A request whose inventory call failed: lines in both services, the first error in inventory. */
  drilldown: { id: string; lines: number; firstErrorService: TrafficService };
}

/** Request i: orders (POST) and items call inventory, carts do not; inventory fails every 7th, checkout itself every 11th. */
export function planTraffic(count: number, prefix: string): { requests: PlannedRequest[]; truth: TrafficTruth } {
  const requests: PlannedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    const method = kind === 0 ? "POST" : "GET";
    const path = kind === 0 ? "/orders" : kind === 1 ? `/cart/${i}` : `/items/${i}`;
    const inventoryStatus = kind === 1 ? null : i % 7 === 3 ? 503 : 200;
    let checkoutStatus = method === "POST" ? 201 : 200;
    const errorLines: TrafficService[] = [];
    if (inventoryStatus === 503) {
      checkoutStatus = 502;
      errorLines.push("inventory", "checkout");
    } else if (i % 11 === 5) {
      checkoutStatus = 500;
      errorLines.push("checkout");
    } else if (i % 5 === 4) {
      checkoutStatus = 404;
    }
    requests.push({ id: `${prefix}-${i}`, method, path, inventoryStatus, checkoutStatus, errorLines });
  }
  return { requests, truth: countTruth(requests) };
}

function countTruth(requests: readonly PlannedRequest[]): TrafficTruth {
  const services = Object.fromEntries(TRAFFIC_SERVICES.map((s) => [s, { lines: 2, requests: 0, status4xx: 0, status5xx: 0, errorLines: 0, fatalLines: 1 }])) as Record<TrafficService, ServiceTruth>;
  const complete = (service: TrafficService, status: number) => {
    const truth = services[service];
    truth.lines++;
    truth.requests++;
    if (status >= 400 && status < 500) truth.status4xx++;
    if (status >= 500) {
      truth.status5xx++;
      truth.errorLines++;
    }
  };
  for (const request of requests) {
    complete("checkout", request.checkoutStatus);
    if (request.inventoryStatus !== null) complete("inventory", request.inventoryStatus);
    for (const service of request.errorLines) {
      services[service].lines++;
      services[service].errorLines++;
    }
  }
  const failed = requests.find((r) => r.inventoryStatus === 503);
  if (!failed) throw new Error("plan at least 4 requests so one inventory call fails");
  return { services, drilldown: { id: failed.id, lines: 4, firstErrorService: "inventory" } };
}
