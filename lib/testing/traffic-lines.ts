/**
 * Deterministic ECS lines for the incremental-view tests: request lines of four services with
 * every status class, and ERROR/FATAL lines without a status, so refreshes can write new and
 * late lines and compare a cached answer with a full one.
 */
export const SERVICES = ["gateway", "users", "orders", "payments"];

/** Line number `n` at `at` (epoch ms). */
export function trafficLine(at: number, n: number): Record<string, unknown> {
  const service = SERVICES[n % SERVICES.length]!;
  const status = [200, 200, 200, 201, 302, 404, 500, 503][(n * 7) % 8]!;
  const base = { "@timestamp": new Date(at).toISOString(), "service.name": service, "service.environment": "production", message: `line ${n}` };
  if (n % 11 === 0) return { ...base, "log.level": n % 22 === 0 ? "FATAL" : "ERROR", "error.type": `Err${n % 3}`, "error.message": `failed ${n % 5}` };
  const path = `/api/${service}/${n % 4}`;
  return { ...base, "log.level": status >= 500 ? "ERROR" : "INFO", "http.response.status_code": status, "http.request.method": n % 3 ? "GET" : "POST", "url.path": path, "http.route": `/api/${service}/{id}`, ...(status >= 500 ? { "error.type": "Upstream", "error.message": `upstream ${n % 2}` } : {}) };
}
