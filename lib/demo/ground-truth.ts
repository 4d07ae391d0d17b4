import type { IncidentId, ResolvedIncident } from "./incidents";
import { isErrorLine, isRequestLine, timestampOf, type DemoLogDocument } from "./log-document";
import { Rng } from "./random";
import { DEMO_SERVICES, toRouteTemplate } from "./services";

/** Counts per service per UTC minute, with DESIGN.md's definitions. */
export interface ServiceMinuteCounts {
  service: string;
  /** ISO start of the UTC minute. */
  minute: string;
  /** Lines with a status code. */
  requestLines: number;
  status5xx: number;
  status4xx: number;
  /** Lines with level ERROR or FATAL. */
  errorLines: number;
}

/** What the request drilldown must show for one request. */
export interface RequestTimelineFacts {
  requestId: string;
  traceId: string;
  lineCount: number;
  /** Services ordered by their first line's timestamp. */
  services: string[];
  /** Sum of event.duration of each service's request lines, in milliseconds. */
  durationMsByService: Record<string, number>;
  firstError: { service: string; type: string; message: string } | null;
  entry: { method: string; path: string; status: number };
}

export interface IncidentGroundTruth {
  id: IncidentId;
  service: string;
  title: string;
  start: string;
  end: string;
  requestCount: number;
  /** All request ids when at most `sampleLimit`, else a seeded sample of that size. */
  requestIds: string[];
  sampled: boolean;
  timelines: RequestTimelineFacts[];
}

export interface FailingEndpoint {
  service: string;
  method: string;
  /** Route template: numeric path segments shown as `{id}`. */
  path: string;
  status5xx: number;
  requests: number;
}

export interface DemoGroundTruth {
  seed: number;
  anchor: string;
  windowStart: string;
  windowMinutes: number;
  targetLines: number;
  totals: { lines: number; requests: number; requestLines: number; status5xx: number; status4xx: number; errorLines: number };
  perServicePerMinute: ServiceMinuteCounts[];
  incidents: IncidentGroundTruth[];
  topFailingEndpoints: FailingEndpoint[];
}

interface Counter {
  requestLines: number;
  status5xx: number;
  status4xx: number;
  errorLines: number;
}

interface IncidentAccumulator {
  incident: ResolvedIncident;
  count: number;
  sample: { firstMs: number; facts: RequestTimelineFacts }[];
}

const TOP_ENDPOINTS = 10;

/** Accumulates the ground truth document by document while the generator runs. */
export class GroundTruthRecorder {
  private readonly firstMinuteMs: number;
  private readonly minutes: number;
  private readonly counters = new Map<string, Counter[]>();
  private readonly endpoints = new Map<string, FailingEndpoint>();
  private readonly incidents = new Map<IncidentId, IncidentAccumulator>();
  private readonly sampler: Rng;
  private lines = 0;
  private requests = 0;

  constructor(
    private readonly meta: { seed: number; anchorMs: number; windowStartMs: number; windowMinutes: number; targetLines: number },
    incidents: readonly ResolvedIncident[],
    private readonly sampleLimit = 50,
  ) {
    this.firstMinuteMs = Math.floor(meta.windowStartMs / 60_000) * 60_000;
    this.minutes = Math.max(1, Math.ceil((meta.anchorMs - this.firstMinuteMs) / 60_000));
    for (const service of DEMO_SERVICES) this.counters.set(service, this.emptyCounters());
    for (const incident of incidents) this.incidents.set(incident.id, { incident, count: 0, sample: [] });
    this.sampler = new Rng(meta.seed ^ 0x5eed);
  }

  recordRequest(documents: readonly DemoLogDocument[], incidentIds: readonly IncidentId[]): void {
    this.requests += 1;
    for (const doc of documents) this.recordDocument(doc);
    for (const id of incidentIds) {
      const acc = this.incidents.get(id);
      if (acc) this.addToSample(acc, documents);
    }
  }

  result(): DemoGroundTruth {
    const totals = { lines: this.lines, requests: this.requests, requestLines: 0, status5xx: 0, status4xx: 0, errorLines: 0 };
    const perServicePerMinute: ServiceMinuteCounts[] = [];
    for (let m = 0; m < this.minutes; m++) {
      const minute = new Date(this.firstMinuteMs + m * 60_000).toISOString();
      for (const [service, counters] of this.counters) {
        const c = counters[m] as Counter;
        perServicePerMinute.push({ service, minute, ...c });
        totals.requestLines += c.requestLines;
        totals.status5xx += c.status5xx;
        totals.status4xx += c.status4xx;
        totals.errorLines += c.errorLines;
      }
    }
    const topFailingEndpoints = [...this.endpoints.values()]
      .filter((e) => e.status5xx > 0)
      .sort((a, b) => b.status5xx - a.status5xx || b.requests - a.requests || endpointKey(a).localeCompare(endpointKey(b)))
      .slice(0, TOP_ENDPOINTS);
    const incidents = [...this.incidents.values()].map(({ incident, count, sample }) => {
      const ordered = [...sample].sort((a, b) => a.firstMs - b.firstMs || a.facts.requestId.localeCompare(b.facts.requestId));
      return {
        id: incident.id,
        service: incident.service,
        title: incident.title,
        start: new Date(incident.startMs).toISOString(),
        end: new Date(incident.endMs).toISOString(),
        requestCount: count,
        requestIds: ordered.map((s) => s.facts.requestId),
        sampled: count > this.sampleLimit,
        timelines: ordered.map((s) => s.facts),
      };
    });
    return {
      seed: this.meta.seed,
      anchor: new Date(this.meta.anchorMs).toISOString(),
      windowStart: new Date(this.meta.windowStartMs).toISOString(),
      windowMinutes: this.meta.windowMinutes,
      targetLines: this.meta.targetLines,
      totals,
      perServicePerMinute,
      incidents,
      topFailingEndpoints,
    };
  }

  private recordDocument(doc: DemoLogDocument): void {
    this.lines += 1;
    const minute = Math.floor((timestampOf(doc) - this.firstMinuteMs) / 60_000);
    const counter = this.counters.get(doc.service.name)?.[minute];
    if (!counter) throw new Error(`document outside the window: ${doc["@timestamp"]} ${doc.service.name}`);
    if (isErrorLine(doc)) counter.errorLines += 1;
    const status = doc.http.response?.status_code;
    if (status === undefined || !isRequestLine(doc)) return;
    counter.requestLines += 1;
    if (status >= 500) counter.status5xx += 1;
    else if (status >= 400) counter.status4xx += 1;
    const endpoint = this.endpointFor(doc);
    endpoint.requests += 1;
    if (status >= 500) endpoint.status5xx += 1;
  }

  private endpointFor(doc: DemoLogDocument): FailingEndpoint {
    const candidate = { service: doc.service.name, method: doc.http.request.method ?? "", path: toRouteTemplate(doc.url?.path ?? ""), status5xx: 0, requests: 0 };
    const key = endpointKey(candidate);
    const existing = this.endpoints.get(key);
    if (existing) return existing;
    this.endpoints.set(key, candidate);
    return candidate;
  }

  /** Reservoir sampling with its own seeded stream, so sampling never changes the documents. */
  private addToSample(acc: IncidentAccumulator, documents: readonly DemoLogDocument[]): void {
    acc.count += 1;
    let slot = acc.sample.length;
    if (acc.count > this.sampleLimit) {
      slot = Math.floor(this.sampler.next() * acc.count);
      if (slot >= this.sampleLimit) return;
    }
    const first = documents[0];
    acc.sample[slot] = { firstMs: first ? timestampOf(first) : 0, facts: timelineFacts(documents) };
  }

  private emptyCounters(): Counter[] {
    return Array.from({ length: this.minutes }, () => ({ requestLines: 0, status5xx: 0, status4xx: 0, errorLines: 0 }));
  }
}

function endpointKey(e: { service: string; method: string; path: string }): string {
  return `${e.service} ${e.method} ${e.path}`;
}

/** The drilldown facts of one request, from its documents in time order. */
export function timelineFacts(documents: readonly DemoLogDocument[]): RequestTimelineFacts {
  const ordered = [...documents].sort((a, b) => timestampOf(a) - timestampOf(b));
  const services: string[] = [];
  const durationNs: Record<string, number> = {};
  let firstError: RequestTimelineFacts["firstError"] = null;
  let entry: RequestTimelineFacts["entry"] = { method: "", path: "", status: 0 };
  for (const doc of ordered) {
    const service = doc.service.name;
    if (!services.includes(service)) services.push(service);
    if (!firstError && doc.error) firstError = { service, type: doc.error.type, message: doc.error.message };
    const status = doc.http.response?.status_code;
    if (status === undefined) continue;
    durationNs[service] = (durationNs[service] ?? 0) + (doc.event?.duration ?? 0);
    if (!doc.parent) entry = { method: doc.http.request.method ?? "", path: doc.url?.path ?? "", status };
  }
  const durationMsByService: Record<string, number> = {};
  for (const service of services) durationMsByService[service] = (durationNs[service] ?? 0) / 1_000_000;
  const first = ordered[0];
  return {
    requestId: first?.http.request.id ?? "",
    traceId: first?.trace.id ?? "",
    lineCount: ordered.length,
    services,
    durationMsByService,
    firstError,
    entry,
  };
}
