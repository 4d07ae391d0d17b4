import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { explainRequestSchema } from "@/lib/schemas/explain";
import { ensureDemoOrders } from "@/lib/demo/demo-orders";
import type { TargetDatabaseConfig } from "../target-db/types";
import { explainStatement } from "./explain-statement";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const suffix = Math.random().toString(36).slice(2, 10);
const withHypopg = `triage_explain_${suffix}`;
const withoutHypopg = `triage_explain_plain_${suffix}`;
const urlOf = (database: string) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const ORDERS = "SELECT * FROM orders WHERE user_id = 4242 AND status = 'active'";

const targets: TargetDatabaseConfig[] = [
  { name: "shop", url: urlOf(withHypopg), services: ["orders"], disposable: false },
  { name: "scratch", url: urlOf(withHypopg), services: [], disposable: true },
  { name: "plain", url: urlOf(withoutHypopg), services: ["users"], disposable: false },
  { name: "gone", url: "postgresql://postgres@127.0.0.1:1/none", services: ["ghost"], disposable: false },
];
const explain = (body: Record<string, unknown>) => explainStatement(explainRequestSchema.parse(body), { targets, timeoutMs: 5_000 });

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await withClient(adminUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${withHypopg}`);
    await admin.query(`CREATE DATABASE ${withoutHypopg}`);
  });
  await withClient(urlOf(withHypopg), async (db) => {
    await db.query("CREATE EXTENSION hypopg");
    await ensureDemoOrders(db, 200_000);
  });
  await withClient(urlOf(withoutHypopg), (db) => ensureDemoOrders(db, 20_000));
}, 120_000);

afterAll(async () => {
  await withClient(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${withHypopg} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${withoutHypopg} WITH (FORCE)`);
  });
});

describe("EXPLAIN against a real PostgreSQL target", () => {
  it("finds the sequential scan, proposes (user_id, status), and the hypothetical index lowers the cost, leaving nothing behind", async () => {
    const first = await explain({ statement: `${ORDERS} /*request_id='r-1'*/`, services: ["orders"] });
    expect(first.target).toBe("shop");
    expect(first.mode).toBe("plan");
    expect(first.explained).toBe(ORDERS);
    const scan = [first.plan, ...first.plan.children].find((node) => node.nodeType === "Seq Scan");
    expect(scan).toMatchObject({ relation: "orders" });
    expect(first.hints).toHaveLength(1);
    expect(first.hints[0]).toMatchObject({ table: "orders", columns: ["user_id", "status"], statement: "CREATE INDEX CONCURRENTLY orders_user_id_status_idx ON orders (user_id, status);" });
    expect(first.hypopg).toEqual({ state: "ready", message: null });

    const whatIf = await explain({ statement: ORDERS, services: ["orders"], hypotheticalIndex: { table: "orders", columns: ["user_id", "status"] } });
    expect(whatIf.whatIf).not.toBeNull();
    expect(whatIf.whatIf!.usesIndex).toBe(true);
    expect(whatIf.whatIf!.costAfter).toBeLessThan(whatIf.whatIf!.costBefore / 10);

    await withClient(urlOf(withHypopg), async (db) => {
      expect((await db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'orders' ORDER BY 1")).rows.map((row) => row.indexname)).toEqual(["orders_created_at_idx", "orders_pkey"]);
      expect((await db.query("SELECT * FROM hypopg_list_indexes")).rows).toEqual([]);
    });
  });

  it("builds a real index only on a disposable target, rolled back", async () => {
    const ask = (target: string) => explain({ statement: ORDERS, target, hypotheticalIndex: { table: "orders", columns: ["user_id", "status"] }, buildIndex: true });
    await expect(ask("shop")).rejects.toMatchObject({ status: 422, message: expect.stringContaining("not marked disposable") });
    const built = await ask("scratch");
    expect(built.whatIf).toMatchObject({ kind: "built", usesIndex: true });
    expect(built.whatIf!.costAfter).toBeLessThan(built.whatIf!.costBefore / 10);
    await withClient(urlOf(withHypopg), async (db) => {
      expect((await db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'orders' ORDER BY 1")).rows.map((row) => row.indexname)).toEqual(["orders_created_at_idx", "orders_pkey"]);
    });
  });

  it("adds the ORDER BY column after the equalities", async () => {
    const answer = await explain({ statement: "SELECT * FROM orders WHERE status = 'paid' AND user_id = 7 ORDER BY created_at DESC", target: "shop" });
    expect(answer.hints[0]?.columns).toEqual(["status", "user_id", "created_at"]);
  });

  it("binds logged parameters, and runs EXPLAIN ANALYZE only when asked, rolled back", async () => {
    const answer = await explain({ statement: "SELECT * FROM orders WHERE user_id = $1 AND status = $2", parameters: ["'4242'", "'active'"], target: "shop", analyze: true });
    expect(answer.mode).toBe("analyze");
    expect(answer.explained).toBe("SELECT * FROM orders WHERE user_id = '4242' AND status = 'active'");
    expect(answer.plan.actualTotalMs).not.toBeNull();
  });

  it("says why a $1 statement without values cannot be explained on PostgreSQL 15", async () => {
    const version = await withClient(adminUrl, async (db) => Number((await db.query("SHOW server_version_num")).rows[0].server_version_num));
    const attempt = explain({ statement: "SELECT * FROM orders WHERE user_id = $1", target: "shop" });
    if (version < 160_000) await expect(attempt).rejects.toMatchObject({ status: 422, message: expect.stringContaining("GENERIC_PLAN") });
    else expect((await attempt).mode).toBe("generic");
  });

  it("refuses anything but a SELECT, and answers the database's own message as a 422", async () => {
    await expect(explain({ statement: "DELETE FROM orders WHERE id = 1", target: "shop" })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("Only SELECT") });
    await expect(explain({ statement: "SELECT 1; DROP TABLE orders", target: "shop" })).rejects.toMatchObject({ status: 422 });
    await expect(explain({ statement: "WITH gone AS (DELETE FROM orders RETURNING id) SELECT * FROM gone", target: "shop" })).rejects.toMatchObject({ status: 422 });
    await expect(explain({ statement: "SELECT * FROM orders FOR UPDATE", target: "shop" })).rejects.toMatchObject({ status: 422 });
    // A parameter must be one literal, so values cannot smuggle SQL into the bound statement.
    expect(() => explainRequestSchema.parse({ statement: "SELECT * FROM orders WHERE id = $1", parameters: ["'1' OR true"] })).toThrow(/quoted SQL literal/);
    await expect(explain({ statement: "SELECT * FROM nope", target: "shop" })).rejects.toMatchObject({ status: 422, message: expect.stringContaining('relation "nope" does not exist') });
  });

  it("says how to get HypoPG where it is missing, and an unreachable target is a 503", async () => {
    const answer = await explain({ statement: ORDERS, services: ["users"], hypotheticalIndex: { table: "orders", columns: ["user_id"] } });
    expect(answer.target).toBe("plain");
    expect(answer.whatIf).toBeNull();
    expect(answer.hypopg.message).toMatch(/CREATE EXTENSION hypopg/);
    await expect(explain({ statement: ORDERS, target: "gone" })).rejects.toMatchObject({ status: 503, message: expect.stringContaining("cannot be reached") });
  });
});
