import "server-only";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";

/**
 * Test-only: a fresh migrated database for in-process route tests, with the app's environment
 * pointed at it and at the test Elasticsearch. Call before importing modules that read the env.
 */
export async function openRouteTestDatabase(prefix: string): Promise<TestDatabase> {
  const database = await createTestDatabase(prefix);
  process.env.DATABASE_URL = database.url;
  process.env.LOGS_URL = process.env.TEST_ES_URL ?? "http://127.0.0.1:9210";
  process.env.LOGS_USERNAME = process.env.TEST_ES_USERNAME ?? "";
  process.env.LOGS_PASSWORD = process.env.TEST_ES_PASSWORD ?? "";
  return database;
}

/** The end of a route test: the app's pool (opened through its own env) closed, then the database dropped. */
export async function closeRouteTestDatabase(database: TestDatabase | undefined): Promise<void> {
  const { getDbPool } = await import("@/lib/server/db");
  await getDbPool().end().catch(() => {});
  await database?.drop();
}
