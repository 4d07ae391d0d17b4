import type { Rng } from "./random";

/** The demo's microservice system: every request enters at the gateway. */
export const DEMO_SERVICES = ["gateway", "auth", "users", "orders", "payments"] as const;
export type DemoService = (typeof DEMO_SERVICES)[number];

export const DEMO_HOSTS: Record<DemoService, readonly string[]> = {
  gateway: ["gateway-7d9f6c5b8-2xkqp", "gateway-7d9f6c5b8-9fzt4", "gateway-7d9f6c5b8-mw6lr"],
  auth: ["auth-5c8d7f9b6-h4j2n", "auth-5c8d7f9b6-qp8vx"],
  users: ["users-6b7c9d8f5-k3m9s", "users-6b7c9d8f5-t7w2d"],
  orders: ["orders-84f6d7c9b-b5n8r", "orders-84f6d7c9b-x2c6v"],
  payments: ["payments-9c7b6d5f4-j8r3z", "payments-9c7b6d5f4-v6p1y"],
};

/** Public endpoints the gateway routes; weights give the normal traffic mix. */
export type EndpointKey = "getUser" | "updateUser" | "listOrders" | "getOrder" | "checkout" | "login";

export interface Endpoint {
  key: EndpointKey;
  method: "GET" | "POST" | "PATCH";
  /** Gateway route template; `{id}` is a numeric path segment. */
  route: string;
  target: Exclude<DemoService, "gateway" | "payments">;
  /** Route template inside the target service. */
  internalRoute: string;
  weight: number;
}

export const ENDPOINTS: readonly Endpoint[] = [
  { key: "getUser", method: "GET", route: "/api/users/{id}", target: "users", internalRoute: "/users/{id}", weight: 32 },
  { key: "updateUser", method: "PATCH", route: "/api/users/{id}", target: "users", internalRoute: "/users/{id}", weight: 5 },
  { key: "listOrders", method: "GET", route: "/api/orders", target: "orders", internalRoute: "/orders", weight: 16 },
  { key: "getOrder", method: "GET", route: "/api/orders/{id}", target: "orders", internalRoute: "/orders/{id}", weight: 20 },
  { key: "checkout", method: "POST", route: "/api/orders/checkout", target: "orders", internalRoute: "/orders/checkout", weight: 10 },
  { key: "login", method: "POST", route: "/api/auth/login", target: "auth", internalRoute: "/auth/login", weight: 5 },
];

export function fillRoute(route: string, id: number | string): string {
  return route.replace("{id}", String(id));
}

/** Replaces numeric path segments by `{id}`, so `/api/users/4821` groups as `/api/users/{id}`. */
export function toRouteTemplate(path: string): string {
  return path.replace(/\/\d+(?=\/|$)/g, "/{id}");
}

export const USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  "ShopApp/4.12.1 (iPhone; iOS 17.5)",
  "ShopApp/4.12.0 (Android 14; Pixel 8)",
  "okhttp/4.12.0",
] as const;

export const ORDER_STATUSES = ["pending", "paid", "shipped"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
const FIRST_NAMES = ["Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances"] as const;

/** Client addresses from the documentation ranges (RFC 5737), never real hosts. */
export function randomClientIp(rng: Rng): string {
  const prefix = rng.pick(["203.0.113", "198.51.100", "192.0.2"]);
  return `${prefix}.${rng.int(1, 254)}`;
}

/** SQL statements the services run, with literal values varying per request. */
export const sql = {
  sessionLookup: (tokenId: string) => `SELECT user_id, revoked_at FROM sessions WHERE token_id = '${tokenId}'`,
  userByEmail: (userId: number) => `SELECT id, password_hash, status FROM users WHERE email = 'user${userId}@shop.example'`,
  insertSession: (userId: number, tokenId: string) =>
    `INSERT INTO sessions (user_id, token_id, created_at) VALUES (${userId}, '${tokenId}', now())`,
  userById: (userId: number) => `SELECT id, email, name, status, profile FROM users WHERE id = ${userId}`,
  updateUser: (rng: Rng, userId: number) =>
    `UPDATE users SET name = '${rng.pick(FIRST_NAMES)}', updated_at = now() WHERE id = ${userId}`,
  /** The incident's statement: no index on (user_id, status), so large users scan. */
  ordersByUserAndStatus: (userId: number, status: OrderStatus) =>
    `SELECT * FROM orders WHERE user_id = ${userId} AND status = '${status}' ORDER BY created_at DESC`,
  orderById: (orderId: number) => `SELECT id, user_id, status, total_cents, created_at FROM orders WHERE id = ${orderId}`,
  cartItems: (userId: number) => `SELECT product_id, quantity, price_cents FROM cart_items WHERE user_id = ${userId}`,
  insertOrder: (userId: number, totalCents: number) =>
    `INSERT INTO orders (user_id, status, total_cents, created_at) VALUES (${userId}, 'paid', ${totalCents}, now()) RETURNING id`,
  insertPayment: (orderRef: string, userId: number, amountCents: number) =>
    `INSERT INTO payments (order_ref, user_id, amount_cents, currency, status) VALUES ('${orderRef}', ${userId}, ${amountCents}, 'EUR', 'pending') RETURNING id`,
  capturePayment: (paymentId: number) => `UPDATE payments SET status = 'captured', captured_at = now() WHERE id = ${paymentId}`,
  failPayment: (paymentId: number) => `UPDATE payments SET status = 'failed' WHERE id = ${paymentId}`,
};
