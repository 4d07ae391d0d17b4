import { Rng } from "./random";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { type FieldMapping } from "@/lib/schemas/field-mapping";

/** Field names of a typical hand-rolled JSON logger: none of them ECS. */
export interface NonEcsLogLine {
  timestamp: string;
  level: "info" | "warn" | "error";
  service: string;
  env: string;
  msg: string;
  request_id: string;
  status?: number;
  duration_ms?: number;
  method?: string;
  path?: string;
}

export interface NonEcsTruth {
  /** Per service: lines, request lines (with a status) and 5xx among them. */
  services: Record<string, { lines: number; requests: number; status5xx: number; errorLines: number }>;
  from: string;
  to: string;
}

/**
 * The mapping "Detect" should propose for these lines once the engine has mapped them dynamically
 * (strings as text with a .keyword sub-field): keywords where values are filtered and counted.
 */
export const NON_ECS_DETECTED_MAPPING: FieldMapping = {
  ...ECS_FIELD_MAPPING,
  timestamp: "timestamp",
  level: "level.keyword",
  service: "service.keyword",
  environment: "env.keyword",
  message: "msg",
  status: "status",
  method: "method.keyword",
  path: "path.keyword",
  duration: "duration_ms",
  durationUnit: "ms",
  correlationIds: ["request_id.keyword"],
};

export const NON_ECS_SERVICES = ["checkout-api", "inventory", "shipping"] as const;
const PATHS = ["/cart", "/items/{id}", "/orders", "/quote"];

/**
 * Deterministic non-ECS logs spread over the `minutes` before `anchor`: mostly request lines, some
 * plain messages without a status, with 5xx concentrated on checkout-api. Returns the exact counts.
 */
export function buildNonEcsLogs(options: { count: number; anchor: number; minutes: number; seed: number }): { lines: NonEcsLogLine[]; truth: NonEcsTruth } {
  const rng = new Rng(options.seed);
  const services: NonEcsTruth["services"] = Object.fromEntries(NON_ECS_SERVICES.map((s) => [s, { lines: 0, requests: 0, status5xx: 0, errorLines: 0 }]));
  const start = options.anchor - options.minutes * 60_000;
  const lines: NonEcsLogLine[] = [];
  for (let i = 0; i < options.count; i++) {
    const service = rng.pick(NON_ECS_SERVICES);
    // Never at the anchor itself, so a range ending "now" holds every line.
    const time = new Date(start + Math.floor(rng.between(0, options.minutes * 60_000 - 1_000))).toISOString();
    const counts = services[service]!;
    counts.lines++;
    const base = { timestamp: time, service, env: "prod", request_id: `req-${options.seed}-${i}` };
    if (rng.chance(0.2)) {
      lines.push({ ...base, level: "info", msg: `cache refreshed for ${service}` });
      continue;
    }
    const status = rng.chance(service === "checkout-api" ? 0.3 : 0.05) ? rng.pick([500, 502, 503]) : rng.pick([200, 200, 201, 404]);
    const method = rng.pick(["GET", "POST"]);
    const path = rng.pick(PATHS).replace("{id}", String(rng.int(1, 99)));
    const level = status >= 500 ? "error" : status >= 400 ? "warn" : "info";
    counts.requests++;
    if (status >= 500) counts.status5xx++;
    if (level === "error") counts.errorLines++;
    lines.push({ ...base, level, msg: `${method} ${path} -> ${status}`, status, duration_ms: rng.int(2, 900), method, path });
  }
  return { lines, truth: { services, from: new Date(start).toISOString(), to: new Date(options.anchor).toISOString() } };
}
