// Applies prisma/migrations/* to a Postgres database and records them in `_prisma_migrations`
// exactly as `prisma migrate deploy` would, so Prisma's own tools accept the history.
// Why our own runner: Prisma's migrate commands need its native schema engine (unreachable
// offline), and driving Prisma's internal migrate API would tie us to unstable internals.
// This is under 200 lines of plain SQL over `pg` that we fully control.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Same key as Prisma's schema engine, so our runner and `prisma migrate deploy` exclude each other. */
export const MIGRATION_LOCK_KEY = 72707369;

// Prisma's DDL for the history table, verbatim, so `prisma migrate status` reads our rows.
const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrateOptions = {
  databaseUrl: string;
  migrationsDir: string;
  log?: (message: string) => void;
};

export type MigrateResult = {
  applied: { name: string; durationMs: number }[];
  alreadyApplied: number;
  /** "advisory" normally; "none" on embedded PGlite or servers without advisory locks. */
  lock: "advisory" | "none";
};

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

type LocalMigration = { name: string; sql: string; checksum: string };
type HistoryRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; logs: string | null };

export async function migrate({ databaseUrl, migrationsDir, log = () => {} }: MigrateOptions): Promise<MigrateResult> {
  const local = await readLocalMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  // A dropped connection also fails the query in flight; without a listener it would crash the process.
  client.on("error", (error) => log(`Connection error: ${error.message}`));
  await client.connect();
  try {
    const lock = await acquireLock(client, log);
    try {
      await client.query(CREATE_HISTORY_TABLE);
      const { rows } = await client.query<HistoryRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
      );
      const appliedNames = verifyHistory(rows, local);
      const pending = local.filter((m) => !appliedNames.has(m.name));
      const applied: MigrateResult["applied"] = [];
      for (const migration of pending) {
        const durationMs = await applyOne(client, migration);
        log(`Applied ${migration.name} (${durationMs} ms)`);
        applied.push({ name: migration.name, durationMs });
      }
      return { applied, alreadyApplied: local.length - pending.length, lock };
    } finally {
      if (lock === "advisory") await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function readLocalMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new MigrationError(`Cannot read migrations directory ${migrationsDir}: ${error.code ?? error.message}`);
  });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(migrationsDir, name, "migration.sql")).catch(() => {
        throw new MigrationError(`Migration ${name} has no migration.sql`, name);
      });
      // Prisma's checksum: SHA-256 of the file's bytes, hex encoded.
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}

// Session-level advisory lock: a second migrator blocks here until the first is done, then
// finds nothing pending. The lock dies with the connection, so a crash never leaves it held.
async function acquireLock(client: pg.Client, log: (message: string) => void): Promise<MigrateResult["lock"]> {
  try {
    // PGlite (our embedded mode) is one Postgres session shared by every socket client: its
    // advisory locks are re-entrant across "connections" and outlive a crashed migrator, so
    // they would exclude nobody yet could block forever. It serves one client at a time anyway.
    const { rows: version } = await client.query<{ pglite: boolean }>("SELECT version() ILIKE '%PGlite%' AS pglite");
    if (version[0]?.pglite) {
      log("Embedded PGlite: single connection, no migration lock needed");
      return "none";
    }
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATION_LOCK_KEY]);
    if (rows[0]?.locked) return "advisory";
  } catch (error) {
    // Postgres-compatible servers without advisory locks: go on, but say so.
    log(`Advisory locks unavailable (${(error as Error).message}); continuing without a migration lock`);
    return "none";
  }
  log("Another process is migrating this database; waiting for it to finish");
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  return "advisory";
}

/** Refuses to continue on a failed, edited or vanished migration; returns the applied names. */
function verifyHistory(rows: HistoryRow[], local: LocalMigration[]): Set<string> {
  const byName = new Map(local.map((m) => [m.name, m]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    const name = row.migration_name;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${name} failed in an earlier run and was never resolved${row.logs ? `:\n${row.logs}` : ""}\n` +
          `Fix the database by hand, then mark it rolled back (prisma migrate resolve --rolled-back ${name}).`,
        name,
      );
    }
    const file = byName.get(name);
    if (!file) throw new MigrationError(`Migration ${name} is recorded as applied but is missing from the migrations directory`, name);
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${name} was modified after it was applied (checksum differs); add a new migration instead`, name);
    }
    applied.add(name);
  }
  return applied;
}

// The script and its history row commit together, so a failure leaves no trace at all and the
// corrected migration can simply be re-run. (Prisma itself runs scripts outside a transaction;
// a consequence for us: statements that refuse transactions, e.g. CREATE INDEX CONCURRENTLY,
// cannot be used in migrations.)
async function applyOne(client: pg.Client, migration: LocalMigration): Promise<number> {
  const started = performance.now();
  await client.query("BEGIN");
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, NULL, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${describePgError(error, migration.sql)}`, migration.name);
  }
  return Math.round(performance.now() - started);
}

function describePgError(error: unknown, sql: string): string {
  const e = error as Error & { position?: string; code?: string };
  if (!e.position) return e.message;
  const line = sql.slice(0, Number(e.position)).split("\n").length;
  return `${e.message} (line ${line} of migration.sql${e.code ? `, SQLSTATE ${e.code}` : ""})`;
}

/** "host:port/database" for messages: never the user or password from the URL. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || "localhost"}:${url.port || "5432"}${url.pathname.length > 1 ? url.pathname : ""}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
