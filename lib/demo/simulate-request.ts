import { INCIDENT_EFFECTS, type IncidentId, type IncidentState } from "./incidents";
import type { DemoLogDocument } from "./log-document";
import type { Rng } from "./random";
import { RequestBuilder, type Hop } from "./request-builder";
import { fakeApiKey, fakeJwt } from "./secrets";
import { checkout, getOrder, getUser, latencyUs, listOrders, login, updateUser, verifyToken, type HopResult } from "./service-handlers";
import { ENDPOINTS, fillRoute, ORDER_STATUSES, randomClientIp, USER_AGENTS, type Endpoint, type OrderStatus } from "./services";

export interface SimulatedRequest {
  documents: DemoLogDocument[];
  incidents: IncidentId[];
}

const PUBLIC_ORIGIN = "https://api.shop.example";

/** Endpoint mix at one instant: incidents shift traffic toward the endpoints they hit. */
export function pickEndpoint(rng: Rng, state: IncidentState): Endpoint {
  const weights = ENDPOINTS.map((e) => {
    let w = e.weight;
    if (state.nullUser && e.key === "getUser") w *= 2;
    if (state.slowQueryConcentrated && e.key === "listOrders") w *= 2.5;
    if (state.paymentsTimeout && e.key === "checkout") w *= 2.5;
    if (state.cacheRace && e.key === "updateUser") w *= 4;
    return w;
  });
  return rng.pickWeighted(ENDPOINTS, weights);
}

/**
 * One request entering at the gateway at `startUs` (epoch microseconds): the token
 * check in auth, then the target service (and payments for a checkout). Lines are
 * shifted earlier if needed so the request ends before `latestUs`.
 */
export function simulateRequest(rng: Rng, startUs: number, latestUs: number, environment: string, state: IncidentState): SimulatedRequest {
  const endpoint = pickEndpoint(rng, state);
  const userId = rng.int(1000, 9999);
  const b = new RequestBuilder(rng, {
    requestId: `req-${rng.hex(16)}`,
    traceId: rng.hex(32),
    environment,
    userId,
    clientIp: randomClientIp(rng),
    userAgent: rng.pick(USER_AGENTS),
  });
  const gateway = b.openHop("gateway", startUs);
  const pathId = endpoint.key === "getOrder" ? rng.int(100_000, 999_999) : userId;
  const path = fillRoute(endpoint.route, pathId);
  const orderStatus = rng.pick(ORDER_STATUSES);
  const query = endpoint.key === "listOrders" ? ordersQuery(rng, orderStatus) : undefined;
  b.log(gateway, startUs, "DEBUG", `routing ${endpoint.method} ${path} to ${endpoint.target}`, { logger: "router" });

  let t = startUs + latencyUs(rng, 1.4, 1.05, 4);
  let authorization: string | undefined;
  let upstream: HopResult;
  if (endpoint.key === "login") {
    upstream = login(b, rng, b.openHop("auth", t, gateway));
  } else {
    const expired = state.expiredTokens ? rng.chance(INCIDENT_EFFECTS.expiredTokenShare) : rng.chance(0.002);
    const expSeconds = Math.floor(startUs / 1_000_000) + (expired ? -rng.int(60, 7200) : rng.int(60, 3600));
    const token = fakeJwt(rng, userId, expSeconds);
    const check = verifyToken(b, rng, b.openHop("auth", t, gateway), expired);
    if (expired && state.expiredTokens) b.incidents.add("auth-expired-token-401");
    // Some gateways log the Authorization header of rejected requests, and a few of all others.
    if (expired || rng.chance(0.03)) authorization = `Bearer ${token}`;
    if (check.status === 401) {
      upstream = check;
    } else {
      t = check.end + latencyUs(rng, 1.3, 1.05, 4);
      upstream = callTarget(b, rng, endpoint, b.openHop(endpoint.target, t, gateway), { userId, pathId, orderStatus, query: query ?? "" }, state);
    }
  }

  const end = upstream.end + latencyUs(rng, 0.8, 0.3, 5);
  b.complete(gateway, end, endpoint.method, path, upstream.status, {
    query,
    full: query ? `${PUBLIC_ORIGIN}${path}?${query}` : undefined,
    authorization,
    withClient: true,
  });

  const overrun = b.lastLineTime() - (latestUs - 1000);
  return { documents: b.documents(overrun > 0 ? -overrun : 0), incidents: [...b.incidents] };
}

function callTarget(
  b: RequestBuilder,
  rng: Rng,
  endpoint: Endpoint,
  hop: Hop,
  args: { userId: number; pathId: number; orderStatus: OrderStatus; query: string },
  state: IncidentState,
): HopResult {
  const internalPath = fillRoute(endpoint.internalRoute, args.pathId);
  switch (endpoint.key) {
    case "getUser":
      return getUser(b, rng, hop, args.userId, internalPath, state);
    case "updateUser":
      return updateUser(b, rng, hop, args.userId, internalPath, state);
    case "listOrders":
      return listOrders(b, rng, hop, args.userId, args.orderStatus, args.query, state);
    case "getOrder":
      return getOrder(b, rng, hop, args.pathId, internalPath);
    case "checkout":
      return checkout(b, rng, hop, args.userId, state);
    case "login":
      throw new Error("login is routed without a token check");
  }
}

/** Some clients still pass their API key in the query string. */
function ordersQuery(rng: Rng, status: OrderStatus): string {
  const query = `status=${status}&page=${rng.int(1, 3)}`;
  return rng.chance(0.05) ? `${query}&api_key=${fakeApiKey(rng)}` : query;
}
