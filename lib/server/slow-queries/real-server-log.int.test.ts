import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { sql } from "@/lib/demo/services";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { createLogContext } from "@/lib/server/logs/log-context";
import { locateServerLog, logSize, readLogFrom, shipLogEvents } from "@/lib/testing/postgres-server-log";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import type { LogStore } from "../log-store/types";
import { ensureDemoOrders } from "@/lib/demo/demo-orders";
import { listSlowQueries } from "./list-slow-queries";
import { getSlowQuery } from "./get-slow-query";
import { detectFieldMapping } from "../settings/detect-field-mapping";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const database = `triage_slowlog_${Math.random().toString(36).slice(2, 10)}`;
const RUNS = { simple: 6, extended: 5, commented: 4 };
const REQUEST_ID = `req-${database}`;
let events: { "@timestamp": string; message: string }[] = [];
let started: Date;

/** Runs the demo's orders query on the real server with every statement logged, and ships what the server wrote. */
beforeAll(async () => {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const session = new Client({ connectionString: url.toString() });
  await session.connect();
  try {
    await ensureDemoOrders(session, 300_000);
    const path = await locateServerLog(admin);
    const offset = await logSize(admin, path);
    started = new Date(Date.now() - 1_000);
    const pid = (await session.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    await session.query("SET log_min_duration_statement = 0");
    for (let i = 0; i < RUNS.simple; i++) await session.query(sql.ordersByUserAndStatus(1000 + i, "paid"));
    // The extended protocol: PostgreSQL logs `execute <unnamed>` and the values on a DETAIL line.
    for (let i = 0; i < RUNS.extended; i++) await session.query("SELECT * FROM orders WHERE user_id = $1 AND status = $2 ORDER BY created_at DESC", [2000 + i, "active"]);
    for (let i = 0; i < RUNS.commented; i++) await session.query(`${sql.ordersByUserAndStatus(3000 + i, "shipped")} /*request_id='${REQUEST_ID}-${i}'*/`);
    await session.query("SELECT id FROM orders WHERE id = 1");
    await session.query("RESET log_min_duration_statement");
    // The server writes its log asynchronously to us: poll until the last statement's line is there.
    for (let attempt = 0; attempt < 50; attempt++) {
      events = shipLogEvents(await readLogFrom(admin, path, offset), [pid]);
      if (events.some((event) => event.message.includes("RESET log_min_duration_statement"))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await session.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}, 120_000);

describe.each(TEST_ENGINES)("lines the real PostgreSQL server wrote, shipped to $name", (engine) => {
  // Outside logs-triage-*: the ECS template would declare db.statement, as a shipper's plain index would not.
  const index = uniqueTestIndex("pglog").replace(/^logs-triage-/, "triage-test-");
  let store: LogStore;
  let mapping: FieldMapping;
  const source = () => ({ name: "pg", indexPattern: index, mapping });

  beforeAll(async () => {
    store = await connectTestEngine(engine);
    const result = await store.bulkIndex(index, events.map((event) => ({ ...event, service: { name: "postgresql" } })), { refresh: true });
    expect(result.failed).toBe(0);
    // The mapping an admin gets from Detect on this index: the message as PostgreSQL server lines.
    mapping = (await detectFieldMapping({ indexPattern: index }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }))).mapping;
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("holds real duration lines, executes and their DETAIL parameters", () => {
    expect(events.filter((event) => /LOG: {2}duration: .* ms {2}statement: SELECT \* FROM orders/.test(event.message))).toHaveLength(RUNS.simple + RUNS.commented);
    expect(events.filter((event) => /execute <unnamed>: SELECT \* FROM orders/.test(event.message))).toHaveLength(RUNS.extended);
    expect(events.some((event) => event.message.includes("DETAIL:  parameters: $1 = '2000', $2 = 'active'"))).toBe(true);
  });

  it("is detected as PostgreSQL server lines in the message", async () => {
    const proposal = await detectFieldMapping({ indexPattern: index }, createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING } }));
    expect(proposal.mapping).toMatchObject({ statementFormat: "server-log", sqlStatement: "message", service: "service.name.keyword" });
    expect(proposal.concepts.find((concept) => concept.concept === "sqlStatement")).toMatchObject({ found: true, fields: ["message"] });
  });

  it("groups every run of the orders query into one fingerprint, counted once each", async () => {
    const response = await listSlowQueries({ from: started.toISOString(), to: "now", threshold: 1, sort: "total", service: [], source: [] }, createLogContext({ store, sources: [source()] }));
    const orders = response.rows.find((row) => row.statement.startsWith("SELECT * FROM orders WHERE user_id = $1 AND status = $2"));
    expect(orders, JSON.stringify(response.rows.map((row) => row.statement))).toBeDefined();
    expect(orders!.count).toBe(RUNS.simple + RUNS.extended + RUNS.commented);
    expect(orders!.p95Ms).toBeGreaterThan(0);
    expect(orders!.trend.reduce((a, b) => a + b, 0)).toBe(orders!.count);

    const detail = await getSlowQuery(orders!.fingerprint, { from: started.toISOString(), to: "now", threshold: 1, service: [], source: [] }, createLogContext({ store, sources: [source()] }));
    expect(detail.samples).toHaveLength(orders!.count);
    const extended = detail.samples.filter((sample) => sample.parameters);
    expect(extended).toHaveLength(RUNS.extended);
    expect(extended.map((sample) => sample.parameters![0]).sort()).toEqual(["'2000'", "'2001'", "'2002'", "'2003'", "'2004'"]);
    expect(detail.samples.filter((sample) => sample.correlationId?.startsWith(REQUEST_ID))).toHaveLength(RUNS.commented);
  });
});
