// `npm run worker`: the alert worker as its own process (lib/server/alerts/alert-worker.ts).
// Any number may run against one Postgres; SIGTERM/SIGINT finish the cycle under way first.
import { startAlertWorkerFromEnv } from "../lib/server/alerts/alert-worker";
import { getDbPool } from "../lib/server/db";

const worker = startAlertWorkerFromEnv();
console.log(JSON.stringify({ "@timestamp": new Date().toISOString(), log: { level: "INFO" }, message: "Triage alert worker started" }));
const shutdown = async () => {
  await worker.stop();
  await getDbPool().end();
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
