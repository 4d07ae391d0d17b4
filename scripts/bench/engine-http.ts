import type { EngineTarget } from "./engine-target";

/**
 * Plain fetch to the engine, outside the LogStore: the raw-engine cases measure the engine
 * without our adapters, and a few set-up calls need endpoints the port does not offer.
 */
export async function engineRequest<T>(target: EngineTarget, method: string, path: string, body?: string, contentType = "application/json"): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (target.username) headers.authorization = `Basic ${Buffer.from(`${target.username}:${target.password ?? ""}`).toString("base64")}`;
  if (body !== undefined) headers["content-type"] = contentType;
  const response = await fetch(`${target.url}${path}`, { method, headers, body, signal: AbortSignal.timeout(120_000) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function engineRequestOrThrow<T>(target: EngineTarget, method: string, path: string, body?: string, contentType?: string): Promise<T> {
  const response = await engineRequest<T>(target, method, path, body, contentType);
  if (response.status >= 300) throw new Error(`${method} ${path} answered HTTP ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
  return response.body;
}

export interface RawMsearchItem {
  took?: number;
  hits?: { total?: { value: number } };
  aggregations?: Record<string, unknown>;
  status?: number;
  error?: unknown;
}

/** One _msearch round trip with NDJSON built by hand, as any HTTP client would send it. */
export async function rawMsearch(target: EngineTarget, index: string, bodies: Record<string, unknown>[]): Promise<RawMsearchItem[]> {
  const ndjson = bodies.map((body) => `{}\n${JSON.stringify(body)}\n`).join("");
  const answer = await engineRequestOrThrow<{ responses?: RawMsearchItem[] }>(target, "POST", `/${encodeURIComponent(index)}/_msearch`, ndjson, "application/x-ndjson");
  const responses = answer.responses ?? [];
  const failed = responses.find((item) => item.error);
  if (failed) throw new Error(`_msearch item failed: ${JSON.stringify(failed.error).slice(0, 500)}`);
  return responses;
}
