// npm run db:embedded: a Postgres for machines without one. PGlite (Postgres compiled to
// WebAssembly) keeps its data in <repo>/.data/pglite and is served over the Postgres wire
// protocol by pglite-socket, so `pg`, Prisma and psql connect to it like to any server.
//
// Limits (PGlite is a single-user Postgres in one process):
// - ONE client connection at a time: a second connection is dropped ("Connection terminated
//   unexpectedly"). The app must run with DATABASE_POOL_MAX=1, and `npm run db:migrate` can
//   only connect while the app's pool is idle (it closes idle connections after 10 s) or stopped.
//   pglite-socket can multiplex several clients, but they would share one session (prepared
//   statements, SET, advisory locks), so we keep the safe setting.
// - Queries run one after another; fine for a demo, not for load or benchmarks.
// - One server process per data directory (enforced with a pid file below).
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// EMBEDDED_PG_NAME gives a second server its own data (the demo's target database for EXPLAIN).
const name = /^[\w-]+$/.test(process.env.EMBEDDED_PG_NAME ?? "") ? process.env.EMBEDDED_PG_NAME! : "pglite";
const dataDir = path.join(root, `.data/${name}`);
const pidFile = path.join(root, `.data/${name}.pid`);
const host = "127.0.0.1";

function parsePort(raw: string | undefined): number {
  const port = Number(raw ?? 5433);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`EMBEDDED_PG_PORT must be a TCP port, got "${raw}"`);
  return port;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Two PGlite processes on one data directory would corrupt it.
async function claimDataDir(): Promise<void> {
  const other = Number(await readFile(pidFile, "utf8").catch(() => ""));
  if (other && other !== process.pid && isRunning(other)) {
    throw new Error(`Another embedded Postgres (pid ${other}) is using ${dataDir}; stop it first`);
  }
  await writeFile(pidFile, String(process.pid));
}

async function main(): Promise<void> {
  const port = parsePort(process.env.EMBEDDED_PG_PORT);
  await mkdir(dataDir, { recursive: true });
  await claimDataDir();
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host, port, maxConnections: 1 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    await rm(pidFile, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === "EADDRINUSE" ? `Port ${port} is in use; set EMBEDDED_PG_PORT to another port` : (error as Error).message);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`Received ${signal}; stopping embedded Postgres`);
    await server.stop();
    await db.close(); // flushes PGlite's data to disk
    await rm(pidFile, { force: true });
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  console.error(`Embedded Postgres (PGlite) serving ${dataDir} on ${host}:${port}; one connection at a time. Ctrl-C to stop.`);
  console.log(`DATABASE_URL=postgresql://postgres@${host}:${port}/postgres`);
  console.log("DATABASE_POOL_MAX=1");
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
