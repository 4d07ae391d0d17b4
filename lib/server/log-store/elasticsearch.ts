import "server-only";
import { Client, SniffingTransport, type estypes } from "@elastic/elasticsearch";
import { toLogStoreError, type EngineContext, type EngineRequestKind } from "./engine-errors";
import { bulkBatches, readNodeVersion, summarizeBulk, toSearchResult, toSearchResults, usesPointInTime } from "./engine-responses";
import { toFieldCapsResult } from "./field-caps-response";
import type { BulkResult, CallOptions, EngineInfo, FieldCapsResult, LogStore, LogStoreConfig, MsearchOptions, SearchRequest, SearchResult } from "./types";

type ClientOptions = ConstructorParameters<typeof Client>[0];

/** LogStore on the official Elasticsearch client (v9: bodies come back directly). */
export class ElasticsearchLogStore implements LogStore {
  readonly engine = "elasticsearch" as const;
  private readonly client: Client;
  private readonly context: EngineContext;

  constructor(
    private readonly config: LogStoreConfig,
    private readonly version: string,
  ) {
    this.context = { label: "Elasticsearch", url: config.url, requestTimeoutMs: config.requestTimeoutMs };
    const auth = config.apiKey ? { apiKey: config.apiKey } : config.username ? { username: config.username, password: config.password ?? "" } : undefined;
    // One attempt per call: the request timeout then bounds the call, and retries are the caller's choice.
    const options: ClientOptions = { node: config.url, auth, requestTimeout: config.requestTimeoutMs, maxRetries: 0 };
    if (Number.parseInt(version, 10) === 8) options.Transport = Elasticsearch8Transport;
    this.client = new Client(options);
  }

  private async call<T>(run: (options: { signal?: AbortSignal; requestTimeout: number }) => Promise<T>, signal?: AbortSignal, request?: EngineRequestKind): Promise<T> {
    if (signal?.aborted) throw signal.reason;
    try {
      return await run({ signal, requestTimeout: this.config.requestTimeoutMs });
    } catch (error) {
      throw toLogStoreError(this.context, error, signal, request);
    }
  }

  async info(options?: CallOptions): Promise<EngineInfo> {
    const body = await this.call((o) => this.client.nodes.info({ node_id: "_local", filter_path: "nodes.*.version" }, o), options?.signal);
    return { engine: "elasticsearch", version: readNodeVersion(body) ?? this.version };
  }

  async clusterHealth(options?: CallOptions): Promise<{ status: string }> {
    const body = await this.call((o) => this.client.cluster.health({}, o), options?.signal);
    return { status: body.status };
  }

  async search(request: SearchRequest, options?: CallOptions): Promise<SearchResult> {
    // The v9 client takes body keys at the top level and routes them into the request body.
    const pointInTime = usesPointInTime(request);
    const params = (pointInTime ? request.body : { ...request.body, index: request.index }) as estypes.SearchRequest;
    return toSearchResult(await this.call((o) => this.client.search(params, o), options?.signal, { pointInTime }));
  }

  async msearch(requests: SearchRequest[], options?: MsearchOptions): Promise<SearchResult[]> {
    if (requests.length === 0) return [];
    const searches = requests.flatMap((r) => [usesPointInTime(r) ? {} : { index: r.index }, r.body]) as estypes.MsearchRequestItem[];
    const body = await this.call((o) => this.client.msearch({ searches }, o), options?.signal);
    return toSearchResults(this.context, body.responses, requests, options?.settle);
  }

  async openPointInTime(index: string, keepAlive: string, options?: CallOptions): Promise<string> {
    const body = await this.call((o) => this.client.openPointInTime({ index, keep_alive: keepAlive, ignore_unavailable: true }, o), options?.signal, { openingPointInTime: true });
    return body.id;
  }

  async closePointInTime(id: string, options?: CallOptions): Promise<void> {
    // Elasticsearch answers 404 for an id it no longer knows: already gone is what the caller wanted.
    await this.call((o) => this.client.closePointInTime({ id }, { ...o, ignore: [404] }), options?.signal);
  }

  async fieldCaps(index: string, fields?: string[], options?: CallOptions): Promise<FieldCapsResult> {
    const body = await this.call((o) => this.client.fieldCaps({ index, fields: fields?.length ? fields : "*", ignore_unavailable: true, allow_no_indices: true }, o), options?.signal);
    return toFieldCapsResult(body);
  }

  async bulkIndex(index: string, documents: Record<string, unknown>[], options?: { refresh?: boolean }): Promise<BulkResult> {
    const result: BulkResult = { indexed: 0, failed: 0 };
    for (const operations of bulkBatches(index, documents)) {
      summarizeBulk(await this.call((o) => this.client.bulk({ operations: operations as estypes.BulkOperationContainer[] }, o)), result);
    }
    if (options?.refresh) await this.refresh(index);
    return result;
  }

  async putIndexTemplate(name: string, indexPatterns: string[], mappings: Record<string, unknown>, settings?: Record<string, unknown>, priority?: number): Promise<void> {
    const template = { mappings, settings } as estypes.IndicesPutIndexTemplateIndexTemplateMapping;
    await this.call((o) => this.client.indices.putIndexTemplate({ name, index_patterns: indexPatterns, template, priority }, o));
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

/**
 * The v9 client asks for REST compatibility with 9, which Elasticsearch 8 refuses; against an 8.x
 * cluster the same requests go out declaring compatibility with 8.
 */
class Elasticsearch8Transport extends SniffingTransport {
  constructor(options: ConstructorParameters<typeof SniffingTransport>[0]) {
    super({
      ...options,
      vendoredHeaders: {
        jsonContentType: "application/vnd.elasticsearch+json; compatible-with=8",
        ndjsonContentType: "application/vnd.elasticsearch+x-ndjson; compatible-with=8",
        accept: "application/vnd.elasticsearch+json; compatible-with=8,text/plain",
      },
    });
  }
}
