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
