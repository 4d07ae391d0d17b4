import "server-only";
import { getEnv } from "../env";
import { createLogStore } from "../log-store";
import { LogStoreUnavailableError, type LogStore } from "../log-store/types";
import { listReadableSources } from "../sources/list-log-sources";
import { createLogContext, type LogContext } from "./log-context";
import { getViewCache } from "./view-cache";

/**
 * Contexts for a background job (the alert worker) whose few big `_msearch` requests may take
 * longer than a page's: its own engine client with `requestTimeoutMs`, the enabled sources, the
 * configured redaction. When the engine cannot even be probed, the context's every call fails as
 * an outage (LogStoreUnavailableError) rather than the job failing to start, so the job records
 * the outage; a failed probe is forgotten, so an engine that comes back is found next time.
 */
export function backgroundLogContextLoader(requestTimeoutMs: number): () => Promise<LogContext> {
  let shared: Promise<LogStore> | undefined;
  const store = () => {
    if (!shared) {
      const env = getEnv();
      const attempt = createLogStore({ url: env.LOGS_URL, username: env.LOGS_USERNAME, password: env.LOGS_PASSWORD, apiKey: env.LOGS_API_KEY, requestTimeoutMs });
      shared = attempt;
      attempt.catch(() => {
        if (shared === attempt) shared = undefined;
      });
    }
    return shared;
  };
  return async () => {
    const [readable, engine] = await Promise.all([listReadableSources(), store().catch(unreachableStore)]);
    // The instance's view cache: overlapping rules in other cycles (or a viewer asking the very same
    // body) share one engine request. Bodies carry the evaluation instant's absolute window, so a
    // new instant is a new body and is never answered from an older one.
    return createLogContext({ store: engine, sources: readable.sources, notices: readable.notices, viewCache: getViewCache() });
  };
}

function unreachableStore(error: unknown): LogStore {
  const outage = error instanceof LogStoreUnavailableError ? error : new LogStoreUnavailableError(`the log engine is unreachable: ${(error as Error).message}`, { cause: error });
  return new Proxy({} as LogStore, { get: (_target, property) => (property === "then" ? undefined : async () => Promise.reject(outage)) });
}
