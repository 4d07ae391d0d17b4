import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/server/env";

const DEFAULT_POOL_MAX = 10;

type Db = { client: PrismaClient; pool: pg.Pool };

// One pool per process, kept on globalThis: Next bundles route handlers and pages separately,
// so a module-level variable would give each bundle its own pool (and the embedded
// single-connection PGlite server would drop the second). Dev reloads reuse it too.
const globalForDb = globalThis as typeof globalThis & { triageDb?: Db };
let db: Db | undefined;

function getOrCreate(): Db {
  db ??= globalForDb.triageDb ?? create();
  globalForDb.triageDb = db;
  return db;
}

function create(): Db {
  const env = getEnv();
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    // The embedded PGlite server accepts a single connection: DATABASE_POOL_MAX=1 there. Idle
    // connections close after 10 s, which also frees that one slot for `npm run db:migrate`.
    max: env.DATABASE_POOL_MAX ?? DEFAULT_POOL_MAX,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 5_000,
    ...sessionTimeouts(env.DATABASE_STATEMENT_TIMEOUT_MS),
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return { client: new PrismaClient({ adapter }), pool };
}

/**
 * Sent in the connection's startup packet, so every session has them without an extra round trip.
 * A lock wait gets half the budget, so it fails as a lock wait (55P03), not as a slow statement
 * (57014); a transaction left idle (a bug) is ended before it holds locks for long. The embedded
 * PGlite server ignores them (it is single-user and has no timers); real Postgres enforces them.
 */
export function sessionTimeouts(statementTimeoutMs: number): Pick<pg.PoolConfig, "statement_timeout" | "lock_timeout" | "idle_in_transaction_session_timeout"> {
  if (statementTimeoutMs === 0) return {};
  return {
    statement_timeout: statementTimeoutMs,
    lock_timeout: Math.max(1, Math.floor(statementTimeoutMs / 2)),
    idle_in_transaction_session_timeout: Math.max(60_000, 3 * statementTimeoutMs),
  };
}

/** The process-wide Prisma client (lazy, so importing this module never needs DATABASE_URL). */
export function getDb(): PrismaClient {
  return getOrCreate().client;
}

/**
 * The same pool Prisma uses, for what Prisma cannot do: health checks that see the driver's
 * own error codes, and session-level advisory locks held on one dedicated connection.
 */
export function getDbPool(): pg.Pool {
  return getOrCreate().pool;
}
