import "server-only";
import { z } from "zod";

// Validated once at first use: a bad variable fails loudly with its name, not deep in a query.
const envSchema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (postgres://...)"),
  // Connections per app instance; the embedded PGlite server accepts exactly one, so it sets 1.
  DATABASE_POOL_MAX: z.coerce.number().int().positive().optional(),
  /** Postgres cancels a statement running longer than this (0: no limit); see lib/server/db.ts. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  LOGS_URL: z.string().url().default("http://127.0.0.1:9200"),
  LOGS_USERNAME: z.string().optional(),
  LOGS_PASSWORD: z.string().optional(),
  LOGS_API_KEY: z.string().optional(),
  LOGS_INDEX: z.string().min(1).default("logs-triage-*"),
  LOGS_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Most lines one export may write; a longer result is cut with a note saying so. */
  EXPORT_MAX_LINES: z.coerce.number().int().positive().default(100_000),
  /** Concurrent exports per viewer and per app instance; one more is a 429. */
  EXPORT_MAX_PER_USER: z.coerce.number().int().positive().default(2),
  EXPORT_MAX_PER_INSTANCE: z.coerce.number().int().positive().default(8),
  /** An export whose reader takes nothing for this long is dropped and its point in time closed. */
  EXPORT_STALL_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** Public origin (https://triage.example.com); mutations must come from it. Defaults to the request's host. */
  APP_URL: z.string().url().optional(),
  /** Origin the request drilldown's curl command uses when a log line names no host (https://api.example.com). */
  CURL_ORIGIN: z.string().url().optional(),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(168),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(720),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  /** Made per process by scripts/serve.mjs; the client-address header is believed only with it. */
  TRIAGE_PEER_SECRET: z.string().min(32, "TRIAGE_PEER_SECRET is set by `npm start`; leave it unset").optional(),
  /** Comma-separated addresses of reverse proxies whose X-Forwarded-For and identity header we believe. */
  TRUSTED_PROXIES: z.string().default(""),
  /** Single sign-on: the header a trusted proxy sets to the signed-in email (oauth2-proxy: X-Forwarded-Email). Off when empty. */
  AUTH_PROXY_HEADER: z.string().default(""),
  AUTH_PROXY_DEFAULT_ROLE: z.enum(["viewer", "editor", "admin"]).default("viewer"),
  TRIAGE_ADMIN_EMAIL: z.string().optional(),
  TRIAGE_ADMIN_PASSWORD: z.string().optional(),
  /** Incremental views (lib/server/logs/view-cache.ts): byte budget, settle lag, reuse grain, top-list cadence. */
  VIEW_CACHE_MB: z.coerce.number().min(0).default(64),
  VIEW_SETTLE_LAG_SECONDS: z.coerce.number().min(0).default(120),
  VIEW_REUSE_SECONDS: z.coerce.number().min(0).default(5),
  VIEW_TOP_LISTS_SECONDS: z.coerce.number().min(0).default(60),
  /** A statement at or over this many milliseconds is slow (the slow-query panel can lower it per view). */
  SLOW_QUERY_THRESHOLD_MS: z.coerce.number().int().min(1).max(600_000).default(500),
  /** The database slow statements are explained against (a read-only role); see lib/server/target-db. */
  TARGET_DATABASE_URL: z.string().optional(),
  /** More target databases as JSON: [{"name","url","services":[…],"disposable"?}]; see README "Slow queries". */
  TARGET_DATABASES: z.string().optional(),
  /** EXPLAIN's statement_timeout on a target database; lock_timeout is a tenth of it. */
  TARGET_DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    // An empty variable means "not set" (shell scripts and CI often export VAR="").
    const present = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
    const parsed = envSchema.safeParse(present);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}
