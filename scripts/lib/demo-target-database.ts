// The demo's own target database for EXPLAIN: an `orders` table of about a million rows with no
// index on (user_id, status). On a real server it is a database of its own next to DATABASE_URL's
// (with HypoPG when the server has it); with the embedded PGlite it is a second PGlite server,
// since one PGlite serves one connection and the app holds that one.
import path from "node:path";
import { Client } from "pg";
import { DEMO_ORDERS_ROWS, ensureDemoOrders } from "../../lib/demo/demo-orders";
import { startChild, waitForLine } from "./child-processes";

export const DEMO_TARGET_NAME = "shop-demo";
const DEMO_DATABASE = "triage_demo_shop";

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates (or reuses) the demo's target and returns the TARGET_DATABASES value that names it. */
export async function prepareDemoTargetDatabase(root: string, databaseUrl: string | undefined, log: (line: string) => void): Promise<string> {
  let url: string;
  if (databaseUrl) {
    url = Object.assign(new URL(databaseUrl), { pathname: `/${DEMO_DATABASE}` }).toString();
    await withClient(databaseUrl, async (admin) => {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DEMO_DATABASE]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DEMO_DATABASE}`);
    });
  } else {
    const child = startChild("pglite-shop", path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/embedded-postgres.ts"], { ...process.env, EMBEDDED_PG_NAME: "pglite-shop", EMBEDDED_PG_PORT: process.env.EMBEDDED_TARGET_PG_PORT ?? "5434" });
    const [, embedded] = await waitForLine(child, /DATABASE_URL=(\S+)/, 60_000);
    url = embedded!;
  }
  await withClient(url, async (db) => {
    await db.query("CREATE EXTENSION IF NOT EXISTS hypopg").then(
      () => log("  HypoPG enabled in the demo's target"),
      () => log("  HypoPG is not available here: the panel explains how to get it"),
    );
    const started = Date.now();
    const orders = await ensureDemoOrders(db, DEMO_ORDERS_ROWS);
    log(`  orders: ${orders.rows.toLocaleString("en-US")} rows${orders.created ? ` (created in ${((Date.now() - started) / 1000).toFixed(1)} s)` : " (kept)"}`);
  });
  return JSON.stringify([{ name: DEMO_TARGET_NAME, url, services: ["orders", "users", "auth", "payments"], disposable: true }]);
}
