/** Anything that runs SQL text: a pg Client or Pool. */
export interface SqlRunner {
  query(text: string): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Rows of the demo's orders table: about a million, as the incident needs a table worth indexing. */
export const DEMO_ORDERS_ROWS = 1_000_000;

/**
 * The demo's target database: `orders` as the orders service queries it, with user ids the demo
 * generates (1000–9999), a primary key, an index on created_at, and deliberately none on
 * (user_id, status), so `SELECT * FROM orders WHERE user_id = $1 AND status = 'active'` scans.
 * Idempotent: an existing table of the right size is kept.
 */
export async function ensureDemoOrders(db: SqlRunner, rows = DEMO_ORDERS_ROWS): Promise<{ created: boolean; rows: number }> {
  await db.query(`CREATE TABLE IF NOT EXISTS orders (
    id bigserial PRIMARY KEY,
    user_id integer NOT NULL,
    status text NOT NULL,
    total_cents integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  const counted = await db.query("SELECT count(*)::int AS n FROM orders");
  const existing = Number(counted.rows[0]?.n ?? 0);
  if (existing >= rows) return { created: false, rows: existing };
  // Deterministic rows from the series number alone: the same table on every machine.
  await db.query(`INSERT INTO orders (user_id, status, total_cents, created_at)
    SELECT (1000 + (g * 7919) % 9000)::int,
           (ARRAY['pending','paid','shipped','active'])[1 + ((g * 31) % 4)::int],
           (100 + (g * 104729) % 50000)::int,
           timestamptz '2026-01-01' + make_interval(secs => g * 17)
    FROM generate_series(${existing + 1}::bigint, ${rows}::bigint) AS g`);
  await db.query("CREATE INDEX IF NOT EXISTS orders_created_at_idx ON orders (created_at)");
  await db.query("ANALYZE orders");
  return { created: true, rows };
}
