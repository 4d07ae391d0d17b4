import "server-only";
import { stripUrlCredentials } from "@/lib/security/strip-url-credentials";
import { describeEngineError } from "./engine-errors";
import { readNodeVersion } from "./engine-responses";
import { LogStoreUnavailableError, type EngineInfo, type LogStoreConfig } from "./types";

export function authorizationHeader(config: LogStoreConfig): Record<string, string> {
  if (config.apiKey) return { authorization: `ApiKey ${config.apiKey}` };
  if (config.username) return { authorization: `Basic ${Buffer.from(`${config.username}:${config.password ?? ""}`).toString("base64")}` };
  return {};
}

/**
 * Which engine answers at the URL, from response headers (X-elastic-product / X-OpenSearch-Version).
 * Probes the local node rather than GET /, which the Elasticsearch test distribution lacks.
 */
export async function detectEngine(config: LogStoreConfig, signal?: AbortSignal): Promise<EngineInfo> {
  const base = config.url.endsWith("/") ? config.url : `${config.url}/`;
  const probe = new URL("_nodes/_local?filter_path=nodes.*.version", base);
  const timeout = AbortSignal.timeout(config.requestTimeoutMs);
  const shown = stripUrlCredentials(config.url);
  let response: Response;
  try {
    response = await fetch(probe, { headers: authorizationHeader(config), signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw new LogStoreUnavailableError(`Search engine at ${shown} did not answer within ${config.requestTimeoutMs} ms`, { cause: error });
    const cause = (error as { cause?: { message?: string; code?: string } }).cause;
    const reason = cause?.message ?? cause?.code ?? (error as Error).message;
    // fetch refuses a few well-known ports (1, 6000, ...) before connecting.
    const readable = reason === "bad port" ? `fetch refuses to connect to port ${probe.port}` : reason;
    throw new LogStoreUnavailableError(`Search engine at ${shown} is unreachable: ${readable}`, { cause: error });
  }

  const body = (await response.json().catch(() => undefined)) as { nodes?: Record<string, { version?: string }>; error?: unknown } | undefined;
  if (response.status === 401) {
    throw new LogStoreUnavailableError(`Search engine at ${shown} refused the credentials (HTTP 401): ${describeEngineError(body?.error)}`);
  }
  if (!response.ok) {
    throw new LogStoreUnavailableError(`Search engine at ${shown} answered HTTP ${response.status}: ${describeEngineError(body?.error ?? response.statusText)}`);
  }
  const version = readNodeVersion(body);
  const engine = response.headers.get("x-elastic-product") === "Elasticsearch" ? "elasticsearch" : response.headers.has("x-opensearch-version") ? "opensearch" : undefined;
  if (!engine || !version) {
    throw new LogStoreUnavailableError(`${shown} does not look like Elasticsearch or OpenSearch (no product header or node version in the answer)`);
  }
  return { engine, version };
}
