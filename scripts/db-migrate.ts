// npm run db:migrate: applies pending prisma/migrations to DATABASE_URL (see lib/server/db/migrate.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describeDatabaseUrl, migrate, MigrationError } from "../lib/server/db/migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/triage npm run db:migrate");
    console.error("(For the embedded database, start `npm run db:embedded` and use the URL it prints.)");
    return 2;
  }
  const started = performance.now();
  console.log(`Migrating ${describeDatabaseUrl(databaseUrl)}`);
  try {
    const result = await migrate({ databaseUrl, migrationsDir: path.join(root, "prisma/migrations"), log: (m) => console.log(`  ${m}`) });
    const total = Math.round(performance.now() - started);
    console.log(`Done in ${total} ms: ${result.applied.length} applied, ${result.alreadyApplied} already applied.`);
    return 0;
  } catch (error) {
    const message = error instanceof MigrationError ? error.message : `Could not migrate: ${(error as Error).message}`;
    console.error(message);
    if (/ECONNRESET|terminated unexpectedly/.test(message)) {
      console.error("If this is the embedded Postgres: it serves one connection at a time; stop the app (or wait 10 s for its pool to go idle) and retry.");
    }
    return 1;
  }
}

process.exitCode = await main();
