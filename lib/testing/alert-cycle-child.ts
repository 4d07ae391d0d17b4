// Test-only child process: one evaluation cycle at NOW_MS against DATABASE_URL, whose engine
// call announces itself on stdout and then never returns, so the parent can SIGKILL this worker
// while it holds its claimed rules mid-cycle. Run with tsx --conditions=react-server.
import pg from "pg";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { runEvaluationCycle } from "@/lib/server/alerts/run-evaluation-cycle";
import { createLogStore } from "@/lib/server/log-store";
import type { LogStore } from "@/lib/server/log-store/types";
import { createLogContext } from "@/lib/server/logs/log-context";

const env = process.env;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
const inner = await createLogStore({ url: env.CHILD_ENGINE_URL!, username: env.CHILD_ENGINE_USERNAME || undefined, password: env.CHILD_ENGINE_PASSWORD || undefined, requestTimeoutMs: 30_000 });
const store: LogStore = Object.assign(Object.create(inner) as LogStore, {
  msearch: async () => {
    console.log("MSEARCH_STARTED");
    return new Promise<never>(() => undefined);
  },
});
const context = createLogContext({ store, settings: { indexPattern: env.CHILD_INDEX!, mapping: ECS_FIELD_MAPPING } });
await runEvaluationCycle({ pool, loadContext: async () => context, now: () => new Date(Number(env.NOW_MS)), batchSize: 1_000, settleMs: 0, appUrl: "https://triage.example" });
console.log("CYCLE_DONE");
