import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";
import { APP_SECRET_SETTING_KEY, configuredSecret, readOrCreateStoredSecret } from "./app-secret";

let database: TestDatabase;
const pools: pg.Pool[] = [];

/** A Prisma client of its own, as a separate app instance would have. */
function instance(): PrismaClient {
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pools.push(pool);
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

beforeAll(async () => {
  database = await createTestDatabase("triage_app_secret");
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
  await database?.drop();
});

describe("the app secret", () => {
  it("is generated once: instances starting together store one secret and all read it", async () => {
    const clients = Array.from({ length: 6 }, instance);
    const secrets = await Promise.all(clients.map((client) => readOrCreateStoredSecret(client)));
    expect(secrets[0]!.length).toBe(32);
    for (const secret of secrets) expect(secret.equals(secrets[0]!)).toBe(true);
    const rows = await clients[0]!.appSetting.findMany({ where: { key: APP_SECRET_SETTING_KEY } });
    expect(rows).toHaveLength(1);
    // A later start reads the same one.
    expect((await readOrCreateStoredSecret(instance())).equals(secrets[0]!)).toBe(true);
  });

  it("comes from TRIAGE_SECRET when set, and refuses one too short to be a key", () => {
    const value = "a-long-enough-secret-for-tests-0123456789";
    expect(configuredSecret(value)?.equals(Buffer.from(value))).toBe(true);
    expect(configuredSecret(undefined)).toBeNull();
    expect(configuredSecret("")).toBeNull();
    expect(() => configuredSecret("short")).toThrow(/TRIAGE_SECRET must be at least 32 characters/);
  });

  it("refuses a stored value it did not write instead of signing with it", async () => {
    const client = instance();
    await client.appSetting.update({ where: { key: APP_SECRET_SETTING_KEY }, data: { value: "abc" } });
    await expect(readOrCreateStoredSecret(client)).rejects.toThrow(/not a secret Triage wrote/);
  });
});
