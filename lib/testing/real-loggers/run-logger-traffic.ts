import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { collectJsonLines } from "./json-line-collector";
import { requestIdOf, type LoggerKit, type ServiceLogger } from "./logger-kit";
import { planTraffic, type PlannedRequest, type TrafficTruth } from "./traffic-plan";

export interface LoggerTraffic {
  lines: Record<string, unknown>[];
  truth: TrafficTruth;
  /** The wall-clock span the lines were written in. */
  startedAt: Date;
  endedAt: Date;
}

/** Inventory waits this long before answering a failure, so its lines come clearly before checkout's. */
const FAILURE_DELAY_MS = 5;

/**
 * Runs real node:http servers for checkout and inventory, each logging through `kit`, sends the
 * planned requests over real HTTP (checkout calls inventory with the same X-Request-ID), and
 * returns every line the library wrote, with the counts the plan says the views must show.
 */
export async function runLoggerTraffic(kit: LoggerKit, options: { requests: number; prefix: string }): Promise<LoggerTraffic> {
  const { requests, truth } = planTraffic(options.requests, options.prefix);
  const byId = new Map(requests.map((request) => [request.id, request]));
  const collector = collectJsonLines();
  const checkout = kit.create("checkout", collector.stream);
  const inventory = kit.create("inventory", collector.stream);
  const startedAt = new Date();
  checkout.info("checkout started");
  inventory.info("inventory started");

  const inventoryServer = await listen((req, res) => serveInventory(inventory, byId, req, res));
  const inventoryUrl = urlOf(inventoryServer);
  // A failure inside the handler answers 599, which the planned-status check below reports.
  const checkoutServer = await listen((req, res) => void serveCheckout(checkout, byId, inventoryUrl, req, res).catch(() => res.writeHead(599).end()));
  try {
    for (const request of requests) {
      const answer = await fetch(`${urlOf(checkoutServer)}${request.path}`, { method: request.method, headers: { "x-request-id": request.id } });
      await answer.arrayBuffer();
      if (answer.status !== request.checkoutStatus) throw new Error(`${request.id}: checkout answered ${answer.status}, planned ${request.checkoutStatus}`);
    }
  } finally {
    await Promise.all([close(checkoutServer), close(inventoryServer)]);
  }
  checkout.fatal("checkout lost its database connection");
  inventory.fatal("inventory lost its database connection");
  await Promise.all([checkout.close(), inventory.close()]);
  const endedAt = new Date();

  const lines = collector.lines();
  const expected = truth.services.checkout.lines + truth.services.inventory.lines;
  if (lines.length !== expected) throw new Error(`${kit.name} wrote ${lines.length} lines, the plan expects ${expected}`);
  return { lines, truth, startedAt, endedAt };
}

function serveInventory(logger: ServiceLogger, plans: Map<string, PlannedRequest>, req: IncomingMessage, res: ServerResponse): void {
  const log = logger.forRequest(req, res);
  const status = plans.get(requestIdOf(req))?.inventoryStatus ?? 200;
  if (status < 500) return void res.writeHead(status).end("{}");
  log.error(new Error("stock store unavailable"), "stock lookup failed");
  setTimeout(() => res.writeHead(status).end("{}"), FAILURE_DELAY_MS);
}

async function serveCheckout(logger: ServiceLogger, plans: Map<string, PlannedRequest>, inventoryUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const log = logger.forRequest(req, res);
  const plan = plans.get(requestIdOf(req));
  if (!plan) return void res.writeHead(400).end();
  if (plan.inventoryStatus !== null) {
    const answer = await fetch(`${inventoryUrl}/stock${plan.path}`, { headers: { "x-request-id": plan.id } });
    await answer.arrayBuffer();
    if (answer.status >= 500) {
      log.error(new Error(`inventory answered ${answer.status}`), "inventory failed");
      return void res.writeHead(502).end("{}");
    }
  }
  if (plan.checkoutStatus === 500) log.error(new TypeError("cart total is NaN"), "order failed");
  res.writeHead(plan.checkoutStatus).end("{}");
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return server;
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
