import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";

// The app's own pool against the real Postgres, with a short statement timeout so the test is quick.
let database: TestDatabase;
let db: typeof import("./db");
let errors: typeof import("./errors");

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_timeouts");
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "400";
  db = await import("./db");
  errors = await import("./errors");
});

afterAll(async () => {
  await db?.getDbPool().end().catch(() => {});
  await database.drop();
});

async function failure(work: Promise<unknown>): Promise<{ error: unknown; elapsedMs: number }> {
  const started = performance.now();
  try {
    await work;
  } catch (error) {
    return { error, elapsedMs: performance.now() - started };
  }
  throw new Error("expected the query to be cancelled");
}

describe("Postgres session timeouts", () => {
  it("are set on every connection from the configured DATABASE_STATEMENT_TIMEOUT_MS", async () => {
    const rows = await db.getDb().$queryRaw<Array<{ statement: string; lock: string; idle: string }>>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
             current_setting('idle_in_transaction_session_timeout') AS idle`;
    expect(rows).toEqual([{ statement: "400ms", lock: "200ms", idle: "1min" }]);
  });

  it("cancel a statement that runs past the timeout, answered as a 503 that says so", async () => {
    const { error, elapsedMs } = await failure(db.getDb().$queryRaw`SELECT pg_sleep(3)`);
    expect(errors.postgresErrorCode(error)).toBe("57014");
    expect(elapsedMs).toBeLessThan(2_000);
    const { status, body } = errors.toErrorResponse(error, "req-timeout");
    expect(status).toBe(503);
    expect(body.error.message).toMatch(/statement timeout/);
    // The connection is still good afterwards.
    expect(await db.getDb().$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("cancel a wait for a row another transaction holds, as a lock timeout (503)", async () => {
    const user = await db.getDb().user.create({ data: { email: `locked-${crypto.randomUUID().slice(0, 8)}@triage.test`, name: "Locked", passwordHash: "!", role: "viewer" } });
    const holder = await db.getDbPool().connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM users WHERE id = $1 FOR UPDATE", [user.id]);
      const { error, elapsedMs } = await failure(db.getDb().user.update({ where: { id: user.id }, data: { name: "Waiting" } }));
      expect(errors.postgresErrorCode(error)).toBe("55P03");
      expect(elapsedMs).toBeLessThan(2_000);
      expect(errors.toErrorResponse(error, "req-lock")).toMatchObject({ status: 503, body: { error: { message: expect.stringMatching(/lock/) } } });
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
  });
});
