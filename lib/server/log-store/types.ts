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
  /** Shards searched: 0 when the index pattern matched no index. */
  shards?: number;
  /** Set only by `msearch(…, { settle: true })`: this search failed, the others stand. */
  error?: Error;
}

export interface SearchRequest {
  /** Ignored when body.pit is set: a point in time already fixes the indices it reads. */
  index: string;
  body: SearchBody;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface MsearchOptions extends CallOptions {
  /**
   * Answer every search even when some fail: a failed one comes back empty with `error` set.
   * Views over several sources use it, so one broken source becomes a notice, not a failed view.
   */
  settle?: boolean;
}

export interface BulkResult {
  indexed: number;
  failed: number;
  firstError?: string;
}

/** `_field_caps` answer: field name -> type -> capabilities (several types when indices disagree). */
export interface FieldCapsResult {
  indices: string[];
  fields: Record<string, Record<string, { type: string; searchable?: boolean; aggregatable?: boolean }>>;
}

/** The port every feature reads logs through. One adapter per official client. */
export interface LogStore {
  readonly engine: EngineKind;
  info(options?: CallOptions): Promise<EngineInfo>;
  clusterHealth(options?: CallOptions): Promise<{ status: string }>;
  search(request: SearchRequest, options?: CallOptions): Promise<SearchResult>;
  /** One round trip for many searches; answers in request order. */
  msearch(requests: SearchRequest[], options?: MsearchOptions): Promise<SearchResult[]>;
  /** How the indices behind `index` map the given fields (all fields when omitted); feeds mapping detection. */
  fieldCaps(index: string, fields?: string[], options?: CallOptions): Promise<FieldCapsResult>;
  bulkIndex(index: string, documents: Record<string, unknown>[], options?: { refresh?: boolean }): Promise<BulkResult>;
  /** Composable template; priority decides between templates whose patterns overlap. */
  putIndexTemplate(name: string, indexPatterns: string[], mappings: Record<string, unknown>, settings?: Record<string, unknown>, priority?: number): Promise<void>;
  /**
   * Opens a point in time (a frozen view of the indices) for search_after paging; returns its id.
   * Searches carrying `pit: { id, keep_alive }` in their body run against it, and throw
   * PointInTimeGoneError when the engine no longer knows the id (expired, closed, damaged).
   * Throws PointInTimeRefusedError when the engine answers but will not open one (too many open,
   * keep-alive over its limit), so callers can read on without one.
   */
  openPointInTime(index: string, keepAlive: string, options?: CallOptions): Promise<string>;
  /** Frees a point in time early; an id the engine no longer knows is not an error. */
  closePointInTime(id: string, options?: CallOptions): Promise<void>;
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

/**
 * A search named a point in time the engine cannot use: expired, closed, or an id that does
 * not decode. The engines disagree on how they say so (404, 400, even 500), so the adapters
 * turn all of those into this one error for searches that carry a pit.
 */
export class PointInTimeGoneError extends LogStoreQueryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PointInTimeGoneError";
  }
}

/**
 * The engine answered but would not open a point in time: OpenSearch's search.max_open_pit_context
 * (429), a keep-alive over search.max_keep_alive / point_in_time.max_keep_alive (400), and the like.
 * Still an outage to callers that need one (export); the explorer pages without it.
 */
export class PointInTimeRefusedError extends LogStoreUnavailableError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PointInTimeRefusedError";
  }
}
