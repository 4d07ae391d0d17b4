import "server-only";
import { randomUUID } from "node:crypto";

// Test-only: the demo never crosses five services (at most gateway -> auth -> orders -> payments),
// so the five-lane case is a hand-built request written into the engine next to the demo.

interface Line {
  at: number;
  service: string;
  span: string;
  parent?: string;
  level: string;
  message: string;
  request?: { method: string; path: string; status: number; durationMs: number };
  sql?: { statement: string; durationMs: number };
  error?: { type: string; message: string; stack_trace: string };
}

const STACK = [
  "PriceLookupError: price service answered 503 for sku 4711",
  "    at PriceClient.lookup (/srv/pricing/src/price-client.ts:41:11)",
  "    at quoteHandler (/srv/pricing/src/handlers/quote.ts:18:20)",
  "    at Layer.handle (/srv/pricing/node_modules/express/lib/router/layer.js:95:5)",
].join("\n");

/** gateway -> auth, gateway -> orders -> pricing -> inventory; pricing fails and holds the most own time. */
export function fiveServiceRequest(start: Date) {
  const requestId = `req-five-${randomUUID()}`;
  const traceId = randomUUID().replace(/-/g, "");
  const t0 = start.getTime();
  const lines: Line[] = [
    { at: 0, service: "gateway", span: "g", level: "DEBUG", message: "routing POST /api/quotes to orders" },
    { at: 20, service: "auth", span: "a", parent: "g", level: "INFO", message: "POST /auth/verify 200", request: { method: "POST", path: "/auth/verify", status: 200, durationMs: 15 } },
    { at: 30, service: "orders", span: "o", parent: "g", level: "INFO", message: "loading cart" },
    { at: 45, service: "orders", span: "o", parent: "g", level: "DEBUG", message: "query took 10.0 ms", sql: { statement: "SELECT * FROM carts WHERE user_id = 7", durationMs: 10 } },
    { at: 50, service: "pricing", span: "p", parent: "o", level: "INFO", message: "quoting 3 items" },
    { at: 60, service: "inventory", span: "i", parent: "p", level: "INFO", message: "reserving sku 4711" },
    { at: 100, service: "inventory", span: "i", parent: "p", level: "INFO", message: "GET /stock/4711 200", request: { method: "GET", path: "/stock/4711", status: 200, durationMs: 40 } },
    { at: 350, service: "pricing", span: "p", parent: "o", level: "ERROR", message: "price lookup failed", error: { type: "PriceLookupError", message: "price service answered 503 for sku 4711", stack_trace: STACK } },
    { at: 352, service: "pricing", span: "p", parent: "o", level: "ERROR", message: "POST /quote 503", request: { method: "POST", path: "/quote", status: 503, durationMs: 300 } },
    { at: 390, service: "orders", span: "o", parent: "g", level: "ERROR", message: "POST /orders/quote 503", request: { method: "POST", path: "/orders/quote", status: 503, durationMs: 360 } },
    { at: 400, service: "gateway", span: "g", level: "ERROR", message: "POST /api/quotes 503", request: { method: "POST", path: "/api/quotes", status: 503, durationMs: 400 } },
  ];
  const spanIds = new Map(["g", "a", "o", "p", "i"].map((key) => [key, `${key}${randomUUID().replace(/-/g, "").slice(0, 15)}`]));
  const documents = lines.map((line) => ({
    "@timestamp": new Date(t0 + line.at).toISOString(),
    log: { level: line.level },
    service: { name: line.service, environment: "production" },
    message: line.message,
    trace: { id: traceId },
    span: { id: spanIds.get(line.span) },
    transaction: { id: spanIds.get(line.span) },
    ...(line.parent ? { parent: { id: spanIds.get(line.parent) } } : {}),
    user: { id: "five-user" },
    http: {
      request: { id: requestId, ...(line.request ? { method: line.request.method } : {}) },
      ...(line.request ? { response: { status_code: line.request.status } } : {}),
    },
    ...(line.request ? { url: { path: line.request.path }, event: { duration: line.request.durationMs * 1_000_000 } } : {}),
    ...(line.sql ? { db: { statement: line.sql.statement, type: "sql" }, event: { duration: line.sql.durationMs * 1_000_000 } } : {}),
    ...(line.error ? { error: line.error } : {}),
  }));
  return {
    requestId,
    around: new Date(t0 + 200).toISOString(),
    documents,
    expectedLanes: [
      ["gateway", 0, null],
      ["auth", 1, "gateway"],
      ["orders", 1, "gateway"],
      ["pricing", 2, "orders"],
      ["inventory", 3, "pricing"],
    ],
    durationMsByService: { gateway: 400, auth: 15, orders: 360, pricing: 300, inventory: 40 },
  };
}
