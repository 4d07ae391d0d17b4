import "server-only";
import { randomUUID } from "node:crypto";
import { createLogStore } from "@/lib/server/log-store";
import type { LogStore } from "@/lib/server/log-store/types";

// Test-only: the real engines scripts/run-tests.ts starts side by side.
export const TEST_ENGINES = [
  { name: "Elasticsearch", urlVariable: "TEST_ES_URL", url: process.env.TEST_ES_URL, username: process.env.TEST_ES_USERNAME || undefined, password: process.env.TEST_ES_PASSWORD || undefined },
  { name: "OpenSearch", urlVariable: "TEST_OS_URL", url: process.env.TEST_OS_URL, username: undefined, password: undefined },
] as const;

export type TestEngine = (typeof TEST_ENGINES)[number];

/** Fails loudly (never skips) when the runner did not provide the engine. */
export function connectTestEngine(engine: TestEngine): Promise<LogStore> {
  if (!engine.url) {
    throw new Error(`${engine.urlVariable} is not set: run integration tests through \`npm test\`, or point ${engine.urlVariable} at a running ${engine.name} node.`);
  }
  return createLogStore({ url: engine.url, username: engine.username, password: engine.password, requestTimeoutMs: 30_000 });
}

/** A unique index under the test prefix, so parallel tests never see each other's lines. */
export function uniqueTestIndex(label = "test"): string {
  return `logs-triage-${label}-${randomUUID().slice(0, 8)}`;
}

/**
 * Open search contexts (points in time, scrolls) on one index, as the engine's own index stats
 * count them: the engines are shared, so tests count on their own index, not node-wide.
 */
export async function countOpenContexts(engine: TestEngine, index: string): Promise<number> {
  const headers: Record<string, string> = engine.username ? { authorization: `Basic ${Buffer.from(`${engine.username}:${engine.password ?? ""}`).toString("base64")}` } : {};
  const response = await fetch(`${engine.url}/${index}/_stats/search?filter_path=_all.total.search.open_contexts`, { headers });
  if (!response.ok) throw new Error(`index stats for ${index}: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { _all?: { total?: { search?: { open_contexts?: number } } } };
  return body._all?.total?.search?.open_contexts ?? 0;
}

/** PUT _cluster/settings (transient) on a shared engine; callers restore in `finally`. */
export async function putTransientClusterSetting(engine: TestEngine, settings: Record<string, unknown>): Promise<void> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (engine.username) headers.authorization = `Basic ${Buffer.from(`${engine.username}:${engine.password ?? ""}`).toString("base64")}`;
  const response = await fetch(`${engine.url}/_cluster/settings`, { method: "PUT", headers, body: JSON.stringify({ transient: settings }) });
  if (!response.ok) throw new Error(`cluster settings: HTTP ${response.status} ${await response.text()}`);
}
