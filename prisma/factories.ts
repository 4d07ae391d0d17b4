// Test factories: every integration test builds its own world in its own throwaway database
// on the real Postgres server (TEST_DATABASE_URL names a database we may CREATE DATABASE from).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrate } from "../lib/server/db/migrate";

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
}

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database (no tables, no migrations). Call drop() when done. */
export async function createEmptyTestDatabase(prefix = "triage_test"): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // WITH (FORCE) ends connections a test forgot to close (e.g. a leaked pool).
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A new database with every migration in prisma/migrations applied. Call drop() when done. */
export async function createTestDatabase(prefix?: string): Promise<TestDatabase> {
  const db = await createEmptyTestDatabase(prefix);
  try {
    await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
  } catch (error) {
    await db.drop();
    throw error;
  }
  return db;
}
