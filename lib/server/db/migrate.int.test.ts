import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createEmptyTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@/prisma/factories";
import { migrate, MigrationError } from "./migrate";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createEmptyTestDatabase("triage_mig");
  cleanups.push(db.drop);
  return db;
}

/** A private copy of prisma/migrations that a test may edit, plus extra migrations. */
async function migrationsCopy(extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "triage-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

type HistoryRow = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number };
const history = (url: string) =>
  query<HistoryRow>(url, `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);

const localNames = async () => (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe("migrate", () => {
  it("applies every migration to a fresh database and records them as Prisma does", async () => {
    const db = await freshDatabase();
    const names = await localNames();

    const result = await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });

    expect(result.applied.map((m) => m.name)).toEqual(names);
    expect(result.lock).toBe("advisory");
    const rows = await history(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const bytes = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ table_name: string }>(db.url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["app_settings", "users", "sessions", "_prisma_migrations"]));
  });

  it("does nothing when run again", async () => {
    const db = await freshDatabase();
    await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });

    const again = await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });

    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe((await localNames()).length);
    expect(await history(db.url)).toHaveLength((await localNames()).length);
  });

  it("refuses to continue when an applied migration was edited", async () => {
    const db = await freshDatabase();
    const dir = await migrationsCopy();
    await migrate({ databaseUrl: db.url, migrationsDir: dir });
    const [first] = await localNames();
    await appendFile(path.join(dir, first!, "migration.sql"), "\n-- an innocent-looking edit\n");

    const attempt = migrate({ databaseUrl: db.url, migrationsDir: dir });

    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(new RegExp(`${first}.*modified`));
  });

  it("refuses to continue when an applied migration is missing on disk", async () => {
    const db = await freshDatabase();
    const dir = await migrationsCopy({ "29990101000000_later": `CREATE TABLE "later" ("id" INTEGER);` });
    await migrate({ databaseUrl: db.url, migrationsDir: dir });
    await rm(path.join(dir, "29990101000000_later"), { recursive: true });

    await expect(migrate({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(/29990101000000_later.*missing/);
  });

  it("refuses to continue after a migration that failed in an earlier run", async () => {
    const db = await freshDatabase();
    await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    // What `prisma migrate deploy` leaves behind when a script fails halfway.
    await query(
      db.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES (gen_random_uuid()::text, 'x', '29990101000000_half_done', 'relation "x" does not exist', now(), 0)`,
    );

    await expect(migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(/29990101000000_half_done failed/);
  });

  it("applies each migration exactly once when two processes migrate at the same time", async () => {
    const db = await freshDatabase();
    // A slow migration keeps the first runner inside its lock while the second arrives.
    const dir = await migrationsCopy({ "29990101000000_slow": `SELECT pg_sleep(0.5); CREATE TABLE "slow" ("id" INTEGER);` });
    const messages: string[] = [];
    const log = (m: string) => messages.push(m);

    const [a, b] = await Promise.all([migrate({ databaseUrl: db.url, migrationsDir: dir, log }), migrate({ databaseUrl: db.url, migrationsDir: dir, log })]);

    const appliedNames = [...a.applied, ...b.applied].map((m) => m.name).sort();
    const onDisk = (await readdir(dir)).filter((n) => !n.endsWith(".toml")).sort();
    expect(appliedNames).toEqual(onDisk);
    expect(Math.min(a.applied.length, b.applied.length)).toBe(0);
    expect((await history(db.url)).map((r) => r.migration_name)).toEqual(onDisk);
    expect(messages.some((m) => m.includes("waiting"))).toBe(true);
  });

  it("rolls a failing migration back completely and reports it by name", async () => {
    const db = await freshDatabase();
    const broken = "29990101000000_broken";
    const dir = await migrationsCopy({ [broken]: `CREATE TABLE "half" ("id" INTEGER);\nINSERT INTO "no_such_table" VALUES (1);\n` });

    const attempt = migrate({ databaseUrl: db.url, migrationsDir: dir });

    await expect(attempt).rejects.toMatchObject({ name: "MigrationError", migrationName: broken });
    await expect(attempt).rejects.toThrow(/29990101000000_broken failed.*no_such_table.*line 2/);
    const half = await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`);
    expect(half).toEqual([]);
    expect((await history(db.url)).map((r) => r.migration_name)).toEqual(await localNames());

    // Nothing was recorded for the failure, so the corrected migration simply applies.
    await writeFile(path.join(dir, broken, "migration.sql"), `CREATE TABLE "half" ("id" INTEGER);\n`);
    const retry = await migrate({ databaseUrl: db.url, migrationsDir: dir });
    expect(retry.applied.map((m) => m.name)).toEqual([broken]);
  });

  it("migrates the embedded PGlite server (one connection, no advisory lock)", async () => {
    const pglite = await PGlite.create(); // in memory
    const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 1 });
    await server.start();
    cleanups.push(async () => {
      await server.stop();
      await pglite.close();
    });
    const url = `postgresql://postgres@${server.getServerConn()}/postgres`;

    const first = await migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });
    const again = await migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });

    expect(first.lock).toBe("none");
    expect(first.applied.map((m) => m.name)).toEqual(await localNames());
    expect(again.applied).toEqual([]);
    expect((await history(url)).map((r) => r.migration_name)).toEqual(await localNames());
  });
});
