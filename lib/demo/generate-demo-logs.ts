import { GroundTruthRecorder, type DemoGroundTruth } from "./ground-truth";
import {
  DEFAULT_INCIDENT_SCHEDULE,
  INCIDENT_EFFECTS,
  incidentStateAt,
  NO_INCIDENTS,
  resolveIncidents,
  type IncidentId,
  type IncidentSchedule,
  type IncidentWindow,
} from "./incidents";
import type { DemoLogDocument } from "./log-document";
import { deriveSeed, Rng } from "./random";
import { simulateRequest } from "./simulate-request";

export interface DemoLogOptions {
  seed: number;
  /** The window ends here; use "now" so relative views ("last hour") have data. */
  anchor: Date | number | string;
  /** Roughly how many lines to write; the request rate adapts to reach it. */
  targetLines: number;
  /** Length of the window before the anchor; default 60. */
  windowMinutes?: number;
  environment?: string;
  /** Overrides per incident (`null` turns one off), or `false` for normal traffic only. */
  incidents?: Partial<Record<IncidentId, IncidentWindow | null>> | false;
  /** Documents per yielded batch; default 5,000. */
  batchSize?: number;
  /** Request ids kept per incident; larger incidents keep a seeded sample. Default 50. */
  sampleLimit?: number;
}

export interface DemoLogRun {
  /** Yields the documents in batches; iterate once. */
  batches(): Generator<DemoLogDocument[], void, undefined>;
  /** The ground truth of everything yielded; call after `batches()` is exhausted. */
  groundTruth(): DemoGroundTruth;
}

/** A first guess of lines per request; the running average replaces it as requests accrue. */
const PRIOR_LINES_PER_REQUEST = 8;
const STEP_MS = 1000;

/**
 * Streams the documents of a demo run: requests arrive second by second across the
 * window, at a rate recomputed each second from the lines still to write, so 10 M
 * lines never sit in memory and the total lands near `targetLines`.
 */
export function createDemoLogRun(options: DemoLogOptions): DemoLogRun {
  const anchorMs = new Date(options.anchor).getTime();
  if (!Number.isFinite(anchorMs)) throw new Error(`invalid anchor: ${String(options.anchor)}`);
  const windowMinutes = options.windowMinutes ?? 60;
  const windowStartMs = anchorMs - Math.round(windowMinutes * 60_000);
  const batchSize = options.batchSize ?? 5000;
  const environment = options.environment ?? "production";
  const schedule: IncidentSchedule = options.incidents === false ? NO_INCIDENTS : { ...DEFAULT_INCIDENT_SCHEDULE, ...options.incidents };
  const incidents = resolveIncidents(schedule, anchorMs);
  const recorder = new GroundTruthRecorder(
    { seed: options.seed, anchorMs, windowStartMs, windowMinutes, targetLines: options.targetLines },
    incidents,
    options.sampleLimit,
  );
  let state: "ready" | "running" | "done" = "ready";

  function* batches(): Generator<DemoLogDocument[], void, undefined> {
    if (state !== "ready") throw new Error("a demo run's batches can be iterated only once");
    state = "running";
    const arrivals = new Rng(deriveSeed(options.seed, 1));
    const content = new Rng(deriveSeed(options.seed, 2));
    const steps = Math.max(1, Math.ceil((anchorMs - windowStartMs) / STEP_MS));
    let written = 0;
    let requests = 0;
    let batch: DemoLogDocument[] = [];
    for (let step = 0; step < steps; step++) {
      const stepStartMs = windowStartMs + step * STEP_MS;
      const stepMs = Math.min(STEP_MS, anchorMs - stepStartMs);
      const linesPerRequest = requests > 50 ? written / requests : PRIOR_LINES_PER_REQUEST;
      const remainingRequests = Math.max(0, options.targetLines - written) / linesPerRequest;
      const incidentState = incidentStateAt(incidents, stepStartMs);
      const rate = (remainingRequests / (steps - step)) * trafficShape(arrivals, stepStartMs, anchorMs);
      const boosted = incidentState.expiredTokens ? rate * INCIDENT_EFFECTS.expiredTokenTrafficBoost : rate;
      const count = Math.floor(boosted + arrivals.next());
      const offsets = Array.from({ length: count }, () => arrivals.next() * stepMs).sort((a, b) => a - b);
      for (const offset of offsets) {
        const startUs = Math.round((stepStartMs + offset) * 1000);
        const request = simulateRequest(content, startUs, anchorMs * 1000, environment, incidentStateAt(incidents, startUs / 1000));
        recorder.recordRequest(request.documents, request.incidents);
        requests += 1;
        written += request.documents.length;
        for (const doc of request.documents) {
          batch.push(doc);
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
      }
    }
    if (batch.length > 0) yield batch;
    state = "done";
  }

  return {
    batches,
    groundTruth() {
      if (state !== "done") throw new Error("the ground truth is complete only after all batches were consumed");
      return recorder.result();
    },
  };
}

/** Small runs (tests): all documents and the ground truth at once. */
export function generateDemoLogs(options: DemoLogOptions): { documents: DemoLogDocument[]; groundTruth: DemoGroundTruth } {
  const run = createDemoLogRun(options);
  const documents: DemoLogDocument[] = [];
  for (const batch of run.batches()) documents.push(...batch);
  return { documents, groundTruth: run.groundTruth() };
}

/** A slow swell over the window plus per-second jitter, averaging about 1. */
function trafficShape(rng: Rng, atMs: number, anchorMs: number): number {
  const minutes = (anchorMs - atMs) / 60_000;
  return (1 + 0.25 * Math.sin(minutes / 9)) * rng.between(0.85, 1.15);
}
