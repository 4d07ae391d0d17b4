// Postgres for scripts: make sure the machine's server answers, create throwaway databases.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import pg from "pg";

export const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test";

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Starts the Debian cluster when it is installed but stopped (as on a freshly booted CI machine). */
export async function ensureLocalPostgres(adminUrl: string, log: (line: string) => void): Promise<void> {
  if (await canConnect(adminUrl)) return;
  if (existsSync("/etc/postgresql")) {
    for (const version of readdirSync("/etc/postgresql")) {
      log(`Postgres is not answering; starting cluster ${version}/main…`);
      try {
        execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
      } catch {
        // Already running or another version: the connection check below decides.
      }
    }
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await canConnect(adminUrl)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Postgres at ${new URL(adminUrl).host} is not reachable. Start it or set TEST_DATABASE_URL.`);
}

/** Drops and recreates a database next to the admin URL's, returning its URL. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
