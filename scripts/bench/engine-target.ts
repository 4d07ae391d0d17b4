import { startSearchNode, stopSearchNode } from "../search-node";
import type { SearchEngineName } from "../lib/search-engines";

/** Where the bench sends its requests, and whether it owns the node behind it. */
export interface EngineTarget {
  url: string;
  username?: string;
  password?: string;
  /** Set when this run started the node; it is stopped again at the end. */
  startedNode?: string;
}

const BENCH_PORTS: Record<SearchEngineName, number> = { elasticsearch: 9220, opensearch: 9221 };

/** LOGS_URL when set; otherwise a node of the bench's own on 9220 (Elasticsearch) or 9221 (OpenSearch). */
export async function acquireEngine(engine: SearchEngineName, log: (line: string) => void): Promise<EngineTarget> {
  const fromEnv = process.env.LOGS_URL;
  if (fromEnv) {
    return { url: fromEnv.replace(/\/$/, ""), username: process.env.LOGS_USERNAME || undefined, password: process.env.LOGS_PASSWORD || undefined };
  }
  const name = `bench-${engine}`;
  const node = await startSearchNode({ engine, port: BENCH_PORTS[engine], name, log: (line) => log(`[search-node] ${line}`) });
  return { url: node.url, username: node.username, password: node.password, startedNode: node.reused ? undefined : name };
}

export async function releaseEngine(target: EngineTarget, log: (line: string) => void): Promise<void> {
  if (target.startedNode) await stopSearchNode(target.startedNode, (line) => log(`[search-node] ${line}`));
}
