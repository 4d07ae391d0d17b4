import "server-only";

/** Which engine answers at LOGS_URL; found by probing response headers. */
export type EngineKind = "elasticsearch" | "opensearch";

export interface EngineInfo {
  engine: EngineKind;
  version: string;
}

export interface LogStoreConfig {
  url: string;
  username?: string;
  password?: string;
  apiKey?: string;
  /** Per-request timeout; every engine call is bounded. */
  requestTimeoutMs: number;
}

/** Query DSL body common to Elasticsearch 8/9 and OpenSearch 2/3. Built by lib/logs. */
export type SearchBody = Record<string, unknown>;

export interface SearchHit {
  _index: string;
  _id: string;
  _source: Record<string, unknown>;
  sort?: unknown[];
  highlight?: Record<string, string[]>;
}

/** The engine-neutral response shape the app reads; adapters unwrap client envelopes into it. */
export interface SearchResult {
  took: number;
  total: number;
  /** "gte" when the engine stopped counting (track_total_hits below the match count). */
  totalRelation?: "eq" | "gte";
  hits: SearchHit[];
  aggregations?: Record<string, unknown>;
  pitId?: string;
}

export interface SearchRequest {
  index: string;
  body: SearchBody;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface BulkResult {
  indexed: number;
  failed: number;
  firstError?: string;
}

/** The port every feature reads logs through. One adapter per official client. */
export interface LogStore {
  readonly engine: EngineKind;
  info(options?: CallOptions): Promise<EngineInfo>;
  clusterHealth(options?: CallOptions): Promise<{ status: string }>;
  search(request: SearchRequest, options?: CallOptions): Promise<SearchResult>;
  /** One round trip for many searches; answers in request order. */
  msearch(requests: SearchRequest[], options?: CallOptions): Promise<SearchResult[]>;
  bulkIndex(index: string, documents: Record<string, unknown>[], options?: { refresh?: boolean }): Promise<BulkResult>;
  /** Composable template; priority decides between templates whose patterns overlap. */
  putIndexTemplate(name: string, indexPatterns: string[], mappings: Record<string, unknown>, settings?: Record<string, unknown>, priority?: number): Promise<void>;
  refresh(index: string): Promise<void>;
  deleteIndex(index: string): Promise<void>;
  close(): Promise<void>;
}

/** An engine that cannot be reached or answered with a failure; routes map it to 503. */
export class LogStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LogStoreUnavailableError";
  }
}

/** The engine rejected the request itself (bad query syntax, unknown field); routes map it to 400. */
export class LogStoreQueryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LogStoreQueryError";
  }
}
