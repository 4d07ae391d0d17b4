import "server-only";
import { getEnv } from "../env";
import { detectEngine } from "./detect-engine";
import { ElasticsearchLogStore } from "./elasticsearch";
import { OpenSearchLogStore } from "./opensearch";
import type { EngineInfo, LogStore, LogStoreConfig } from "./types";

/** Probes the URL and builds the adapter for whichever engine answers. */
export async function createLogStore(config: LogStoreConfig): Promise<LogStore> {
  const normalized = withCredentialsFromUrl(config);
  return buildLogStore(normalized, await detectEngine(normalized));
}

/** The adapter for an engine already identified (no probe). */
export function buildLogStore(config: LogStoreConfig, info: EngineInfo): LogStore {
  return info.engine === "elasticsearch" ? new ElasticsearchLogStore(config, info.version) : new OpenSearchLogStore(config, info.version);
}

let shared: Promise<LogStore> | undefined;

/**
 * The process-wide store from LOGS_*. A failed probe is forgotten, so an engine that comes up
 * later is picked up on the next call.
 */
export function getLogStore(): Promise<LogStore> {
  if (!shared) {
    const env = getEnv();
    const attempt = createLogStore({
      url: env.LOGS_URL,
      username: env.LOGS_USERNAME,
      password: env.LOGS_PASSWORD,
      apiKey: env.LOGS_API_KEY,
      requestTimeoutMs: env.LOGS_REQUEST_TIMEOUT_MS,
    });
    shared = attempt;
    attempt.catch(() => {
      if (shared === attempt) shared = undefined;
    });
  }
  return shared;
}

/** http://user:pass@host URLs: fetch refuses embedded credentials, so they move into the config. */
function withCredentialsFromUrl(config: LogStoreConfig): LogStoreConfig {
  const url = new URL(config.url);
  if (!url.username) return config;
  const username = config.username ?? decodeURIComponent(url.username);
  const password = config.password ?? decodeURIComponent(url.password);
  url.username = "";
  url.password = "";
  return { ...config, url: url.toString().replace(/\/$/, ""), username, password };
}
