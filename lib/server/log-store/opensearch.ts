import "server-only";
import { Client, type API } from "@opensearch-project/opensearch";
import { toLogStoreError, type EngineContext, type EngineRequestKind } from "./engine-errors";
import { bulkBatches, readNodeVersion, summarizeBulk, toSearchResult, toSearchResults, usesPointInTime } from "./engine-responses";
import { toFieldCapsResult } from "./field-caps-response";
import type { BulkResult, CallOptions, EngineInfo, FieldCapsResult, LogStore, LogStoreConfig, MsearchOptions, SearchRequest, SearchResult } from "./types";

/** The slice of the client's per-call options and abortable promise that this adapter uses. */
interface RequestOptions {
  requestTimeout: number;
  ignore?: number[];
}
interface AbortablePromise<T> extends Promise<T> {
  abort(): unknown;
}

/** LogStore on the official OpenSearch client (responses arrive as {body, statusCode, headers}). */
export class OpenSearchLogStore implements LogStore {
  readonly engine = "opensearch" as const;
  private readonly client: Client;
  private readonly context: EngineContext;

  constructor(
    private readonly config: LogStoreConfig,
    private readonly version: string,
  ) {
    this.context = { label: "OpenSearch", url: config.url, requestTimeoutMs: config.requestTimeoutMs };
    // OpenSearch has no API keys; an API key is sent as-is for proxies that accept it.
    const headers = config.apiKey ? { authorization: `ApiKey ${config.apiKey}` } : undefined;
    const auth = config.username ? { username: config.username, password: config.password ?? "" } : undefined;
    this.client = new Client({ node: config.url, auth, headers, requestTimeout: config.requestTimeoutMs, maxRetries: 0 });
  }

  /** This client predates AbortSignal: its promises carry abort(), which the signal triggers. */
  private async call<B>(run: (options: RequestOptions) => AbortablePromise<{ body: B }>, signal?: AbortSignal, pitRequest?: EngineRequestKind): Promise<B> {
    if (signal?.aborted) throw signal.reason;
    const request = run({ requestTimeout: this.config.requestTimeoutMs });
    // Returns nothing on purpose: EventTarget rethrows a listener's rejected thenable as uncaught.
    const abort = () => {
      request.abort();
    };
    signal?.addEventListener("abort", abort, { once: true });
    try {
      return (await request).body;
    } catch (error) {
      throw toLogStoreError(this.context, error, signal, pitRequest);
    } finally {
      signal?.removeEventListener("abort", abort);
    }
  }

  async info(options?: CallOptions): Promise<EngineInfo> {
    const body = await this.call((o) => this.client.nodes.info({ node_id: "_local", filter_path: "nodes.*.version" }, o), options?.signal);
    return { engine: "opensearch", version: readNodeVersion(body) ?? this.version };
  }

  async clusterHealth(options?: CallOptions): Promise<{ status: string }> {
    const body = await this.call((o) => this.client.cluster.health({}, o), options?.signal);
    return { status: body.status };
  }

  async search(request: SearchRequest, options?: CallOptions): Promise<SearchResult> {
    const body = request.body as API.Search_RequestBody;
    const pointInTime = usesPointInTime(request);
    const params = pointInTime ? { body } : { index: request.index, body };
    return toSearchResult(await this.call((o) => this.client.search(params, o), options?.signal, { pointInTime }));
  }

  async msearch(requests: SearchRequest[], options?: MsearchOptions): Promise<SearchResult[]> {
    if (requests.length === 0) return [];
    const body = requests.flatMap((r) => [usesPointInTime(r) ? {} : { index: r.index }, r.body]) as API.Msearch_RequestBody;
    const response = await this.call((o) => this.client.msearch({ body }, o), options?.signal);
    return toSearchResults(this.context, response.responses, requests, options?.settle);
  }

  /** OpenSearch's own point-in-time API (2.4+): POST <index>/_search/point_in_time, answering pit_id. */
  async openPointInTime(index: string, keepAlive: string, options?: CallOptions): Promise<string> {
    const body = await this.call((o) => this.client.createPit({ index: [index], keep_alive: keepAlive, ignore_unavailable: true }, o), options?.signal, { openingPointInTime: true });
    return body.pit_id;
  }

  async closePointInTime(id: string, options?: CallOptions): Promise<void> {
    // An unknown id comes back as { successful: false } (or a 404): already gone is what the caller wanted.
    await this.call((o) => this.client.deletePit({ body: { pit_id: [id] } }, { ...o, ignore: [404] }), options?.signal);
  }

  async fieldCaps(index: string, fields?: string[], options?: CallOptions): Promise<FieldCapsResult> {
    const body = await this.call((o) => this.client.fieldCaps({ index, fields: fields?.length ? fields : "*", ignore_unavailable: true, allow_no_indices: true }, o), options?.signal);
    return toFieldCapsResult(body);
  }

  async bulkIndex(index: string, documents: Record<string, unknown>[], options?: { refresh?: boolean }): Promise<BulkResult> {
    const result: BulkResult = { indexed: 0, failed: 0 };
    for (const operations of bulkBatches(index, documents)) {
      summarizeBulk(await this.call((o) => this.client.bulk({ body: operations as API.Bulk_RequestBody }, o)), result);
    }
    if (options?.refresh) await this.refresh(index);
    return result;
  }

  async putIndexTemplate(name: string, indexPatterns: string[], mappings: Record<string, unknown>, settings?: Record<string, unknown>, priority?: number): Promise<void> {
    const body = { index_patterns: indexPatterns, template: { mappings, settings }, priority } as API.Indices_PutIndexTemplate_RequestBody;
    await this.call((o) => this.client.indices.putIndexTemplate({ name, body }, o));
  }

  async refresh(index: string): Promise<void> {
    await this.call((o) => this.client.indices.refresh({ index }, o));
  }

  async deleteIndex(index: string): Promise<void> {
    await this.call((o) => this.client.indices.delete({ index }, { ...o, ignore: [404] }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
