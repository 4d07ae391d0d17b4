import {
  cacheRaceError,
  connectionTerminatedError,
  nullUserError,
  providerTimeoutError,
  tokenExpiredError,
  upstreamError,
} from "./error-catalog";
import { INCIDENT_EFFECTS, type IncidentState } from "./incidents";
import type { Rng } from "./random";
import type { Hop, RequestBuilder } from "./request-builder";
import { fakeApiKey, fakeCardNumber } from "./secrets";
import { sql, type OrderStatus } from "./services";

/** Where a hop ended and what it answered. Times are epoch microseconds. */
export interface HopResult {
  end: number;
  status: number;
}

/** Microseconds from a skewed latency around `medianMs`, clamped to [minMs, maxMs]. */
export function latencyUs(rng: Rng, medianMs: number, minMs: number, maxMs: number, spread = 0.5): number {
  return Math.round(Math.min(maxMs, Math.max(minMs, rng.latency(medianMs, spread))) * 1000);
}

/** auth POST /auth/verify: the gateway's token check before routing. */
export function verifyToken(b: RequestBuilder, rng: Rng, hop: Hop, expired: boolean): HopResult {
  const userId = b.ctx.userId ?? 0;
  let t = hop.start + latencyUs(rng, 0.4, 0.1, 2);
  if (expired) {
    t += latencyUs(rng, 0.6, 0.2, 3);
    b.log(hop, t, "WARN", `JWT expired for user ${userId}: token rejected`, { error: tokenExpiredError });
    const end = t + latencyUs(rng, 0.2, 0.1, 1);
    b.complete(hop, end, "POST", "/auth/verify", 401);
    return { end, status: 401 };
  }
  if (rng.chance(0.2)) t = b.sql(hop, t, sql.sessionLookup(rng.hex(12)), latencyUs(rng, 1.5, 0.4, 12));
  t += latencyUs(rng, 0.5, 0.1, 3);
  b.log(hop, t, "DEBUG", `token verified for user ${userId}`);
  const end = t + latencyUs(rng, 0.2, 0.1, 1);
  b.complete(hop, end, "POST", "/auth/verify", 200);
  return { end, status: 200 };
}

/** auth POST /auth/login, reached without a token check. */
export function login(b: RequestBuilder, rng: Rng, hop: Hop): HopResult {
  const userId = b.ctx.userId ?? 0;
  let t = b.sql(hop, hop.start + latencyUs(rng, 0.3, 0.1, 2), sql.userByEmail(userId), latencyUs(rng, 2, 0.5, 20));
  t += latencyUs(rng, 45, 30, 90, 0.2); // password hashing
  let status = 200;
  if (rng.chance(0.05)) {
    b.log(hop, t, "WARN", `invalid credentials for user${userId}@shop.example`);
    status = 401;
  } else {
    t = b.sql(hop, t + 300, sql.insertSession(userId, rng.hex(12)), latencyUs(rng, 2.5, 0.6, 25));
    b.log(hop, t + 200, "INFO", `login succeeded for user ${userId}`);
  }
  const end = t + latencyUs(rng, 0.5, 0.2, 3);
  b.complete(hop, end, "POST", "/auth/login", status);
  return { end, status };
}

/** users GET /users/{id}; plays the null-user burst and stale cache reads. */
export function getUser(b: RequestBuilder, rng: Rng, hop: Hop, userId: number, path: string, state: IncidentState): HopResult {
  let t = hop.start + latencyUs(rng, 0.3, 0.1, 2);
  let status = 200;
  if (state.nullUser && rng.chance(INCIDENT_EFFECTS.nullUserShareOfUserReads)) {
    t = b.sql(hop, t, sql.userById(userId), latencyUs(rng, 3, 0.8, 20));
    t += latencyUs(rng, 0.4, 0.1, 2);
    b.log(hop, t, "ERROR", `unhandled error in GET ${path}: ${nullUserError.message}`, { error: nullUserError });
    b.incidents.add("users-null-user-500");
    status = 500;
  } else if (state.cacheRace && rng.chance(INCIDENT_EFFECTS.staleReadShareOfUserReads)) {
    const version = rng.int(3, 40);
    t += latencyUs(rng, 0.4, 0.1, 2);
    b.log(hop, t, "WARN", `stale cache entry for user:${userId} (version ${version}, store has ${version + 1}); serving stale value and refreshing in background`);
    b.incidents.add("users-cache-race");
  } else if (rng.chance(0.65)) {
    t += latencyUs(rng, 0.5, 0.1, 3);
    b.log(hop, t, "DEBUG", `cache hit user:${userId}`, { logger: "cache" });
  } else {
    t = b.sql(hop, t, sql.userById(userId), latencyUs(rng, 3, 0.8, 40));
    if (rng.chance(0.01)) {
      b.log(hop, t + 150, "WARN", `user ${userId} not found`);
      status = 404;
    } else {
      b.log(hop, t + 200, "DEBUG", `cache set user:${userId} ttl=300s`, { logger: "cache" });
    }
  }
  const end = t + latencyUs(rng, 0.6, 0.2, 4);
  b.complete(hop, end, "GET", path, status);
  return { end, status };
}

/** users PATCH /users/{id}; the cache race answers 409 here. */
export function updateUser(b: RequestBuilder, rng: Rng, hop: Hop, userId: number, path: string, state: IncidentState): HopResult {
  let t = hop.start + latencyUs(rng, 0.4, 0.1, 2);
  let status = 200;
  if (rng.chance(0.01)) {
    b.log(hop, t + 200, "WARN", "validation failed: name must not be empty");
    status = 400;
  } else {
    t = b.sql(hop, t, sql.updateUser(rng, userId), latencyUs(rng, 5, 1, 60));
    if (state.cacheRace && rng.chance(INCIDENT_EFFECTS.cacheRaceShareOfUpdates)) {
      const version = rng.int(3, 40);
      t += latencyUs(rng, 0.8, 0.2, 4);
      b.log(hop, t, "WARN", `stale cache entry for user:${userId} (version ${version}, store has ${version + 1}); refreshing`);
      t += latencyUs(rng, 3, 1, 15);
      const error = cacheRaceError(userId, version + 1, version + 2);
      b.log(hop, t, "ERROR", `cache refresh failed: ${error.message}`, { error });
      b.incidents.add("users-cache-race");
      status = 409;
    } else {
      t += latencyUs(rng, 0.6, 0.2, 3);
      b.log(hop, t, "DEBUG", `cache invalidated user:${userId}`, { logger: "cache" });
    }
  }
  const end = t + latencyUs(rng, 0.6, 0.2, 4);
  b.complete(hop, end, "PATCH", path, status);
  return { end, status };
}

/** orders GET /orders: runs the statement that lacks an index on (user_id, status). */
export function listOrders(b: RequestBuilder, rng: Rng, hop: Hop, userId: number, status: OrderStatus, query: string, state: IncidentState): HopResult {
  const share = state.slowQueryConcentrated ? INCIDENT_EFFECTS.slowQueryShareInWindow : INCIDENT_EFFECTS.slowQueryShareOutsideWindow;
  const slow = state.slowQueryEnabled && rng.chance(share);
  const duration = slow ? rng.int(800_000, 3_000_000) : latencyUs(rng, 35, 6, 250, 0.6);
  if (slow) b.incidents.add("orders-slow-query");
  const t = b.sql(hop, hop.start + latencyUs(rng, 0.4, 0.1, 2), sql.ordersByUserAndStatus(userId, status), duration);
  const end = t + latencyUs(rng, 1.2, 0.3, 6);
  b.complete(hop, end, "GET", "/orders", 200, { query });
  return { end, status: 200 };
}

/** orders GET /orders/{id}, with a rare dropped database connection as background noise. */
export function getOrder(b: RequestBuilder, rng: Rng, hop: Hop, orderId: number, path: string): HopResult {
  let t = hop.start + latencyUs(rng, 0.4, 0.1, 2);
  let status = 200;
  if (rng.chance(0.002)) {
    t += latencyUs(rng, 8, 2, 40);
    b.log(hop, t, "ERROR", `failed to load order ${orderId}: ${connectionTerminatedError.message}`, { error: connectionTerminatedError });
    status = 500;
  } else {
    t = b.sql(hop, t, sql.orderById(orderId), latencyUs(rng, 2.5, 0.6, 30));
    if (rng.chance(0.03)) {
      b.log(hop, t + 150, "WARN", `order ${orderId} not found`);
      status = 404;
    }
  }
  const end = t + latencyUs(rng, 0.8, 0.2, 4);
  b.complete(hop, end, "GET", path, status);
  return { end, status };
}

/** orders POST /orders/checkout: reads the cart, charges through payments, stores the order. */
export function checkout(b: RequestBuilder, rng: Rng, hop: Hop, userId: number, state: IncidentState): HopResult {
  let t = b.sql(hop, hop.start + latencyUs(rng, 0.4, 0.1, 2), sql.cartItems(userId), latencyUs(rng, 2.5, 0.6, 25));
  let status: number;
  if (rng.chance(0.02)) {
    b.log(hop, t + 200, "WARN", `checkout rejected for user ${userId}: cart is empty`);
    t += 400;
    status = 400;
  } else {
    const amountCents = rng.int(499, 24_999);
    const payments = b.openHop("payments", t + latencyUs(rng, 1.5, 1, 4), hop);
    const charge = chargePayment(b, rng, payments, userId, amountCents, state);
    t = charge.end + latencyUs(rng, 1.5, 1, 4);
    if (charge.status >= 500) {
      b.log(hop, t, "ERROR", `checkout failed for user ${userId}: payments answered ${charge.status}`, {
        error: upstreamError("payments", charge.status, "POST", "/payments/charge"),
      });
      status = 502;
    } else if (charge.status === 402) {
      b.log(hop, t, "WARN", `checkout declined for user ${userId}: payment declined`);
      status = 402;
    } else {
      t = b.sql(hop, t, sql.insertOrder(userId, amountCents), latencyUs(rng, 4, 1, 40));
      b.log(hop, t + 200, "INFO", `order created for user ${userId}, total ${(amountCents / 100).toFixed(2)} EUR`);
      status = 201;
    }
  }
  const end = t + latencyUs(rng, 0.8, 0.3, 4);
  b.complete(hop, end, "POST", "/orders/checkout", status);
  return { end, status };
}

const PROVIDER_URL = "https://api.payprovider.example/v1/charges";

/** payments POST /payments/charge; the provider times out after 2 s during the incident. */
function chargePayment(b: RequestBuilder, rng: Rng, hop: Hop, userId: number, amountCents: number, state: IncidentState): HopResult {
  const paymentId = rng.int(100_000, 999_999);
  let t = b.sql(hop, hop.start + latencyUs(rng, 0.4, 0.1, 2), sql.insertPayment(`ord_${rng.hex(10)}`, userId, amountCents), latencyUs(rng, 3, 1, 30));
  const amount = `${(amountCents / 100).toFixed(2)} EUR`;
  if (rng.chance(0.02)) {
    b.log(hop, t + 100, "DEBUG", `charging card ${fakeCardNumber(rng)} exp ${rng.int(1, 12).toString().padStart(2, "0")}/${rng.int(26, 31)} for ${amount}`);
  }
  const full = rng.chance(0.04) ? `${PROVIDER_URL}?api_key=${fakeApiKey(rng)}` : PROVIDER_URL;
  t += latencyUs(rng, 0.5, 0.2, 2);
  b.log(hop, t, "DEBUG", `calling payment provider POST ${PROVIDER_URL} for ${amount}`, { logger: "provider", full });
  let status: number;
  if (state.paymentsTimeout && rng.chance(INCIDENT_EFFECTS.timeoutShareOfCheckouts)) {
    t += 2_000_000 + rng.int(100, 9_000);
    b.log(hop, t, "ERROR", `${providerTimeoutError.type}: ${providerTimeoutError.message}`, { logger: "provider", error: providerTimeoutError });
    t = b.sql(hop, t + 200, sql.failPayment(paymentId), latencyUs(rng, 2, 0.5, 10));
    b.incidents.add("payments-provider-timeout");
    status = 504;
  } else {
    const providerUs = latencyUs(rng, 260, 120, 900, 0.4);
    t += providerUs;
    if (rng.chance(0.02)) {
      b.log(hop, t, "WARN", `provider declined charge for ${amount}: insufficient_funds`, { logger: "provider" });
      t = b.sql(hop, t + 200, sql.failPayment(paymentId), latencyUs(rng, 2, 0.5, 10));
      status = 402;
    } else {
      b.log(hop, t, "INFO", `provider approved charge ch_${rng.hex(14)} in ${Math.round(providerUs / 1000)} ms`, { logger: "provider" });
      t = b.sql(hop, t + 200, sql.capturePayment(paymentId), latencyUs(rng, 2, 0.5, 10));
      status = 201;
    }
  }
  const end = t + latencyUs(rng, 0.5, 0.2, 3);
  b.complete(hop, end, "POST", "/payments/charge", status);
  return { end, status };
}
