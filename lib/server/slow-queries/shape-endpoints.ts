import "server-only";
import type { FingerprintDetail } from "@/lib/schemas/slow-queries";

type Terms = { buckets?: ({ key: unknown; doc_count: number } & Record<string, unknown>)[] };

/** The endpoint lookup's answers over every source as rows, most requests first (route where logged, else path). */
export function shapeEndpoints(answers: readonly (Record<string, unknown> | undefined)[]): FingerprintDetail["endpoints"] {
  const rows = new Map<string, FingerprintDetail["endpoints"][number]>();
  for (const aggs of answers) {
    for (const service of (aggs?.services as Terms | undefined)?.buckets ?? []) {
      for (const method of (service.methods as Terms | undefined)?.buckets ?? []) {
        const routes = (method.routes as Terms | undefined)?.buckets ?? [];
        const paths = routes.length > 0 ? routes : ((method.paths as Terms | undefined)?.buckets ?? []);
        for (const path of paths) {
          const key = `${service.key} ${method.key} ${path.key}`;
          const row = rows.get(key) ?? { service: String(service.key), method: method.key === "" ? null : String(method.key), path: String(path.key), requests: 0 };
          row.requests += path.doc_count;
          rows.set(key, row);
        }
      }
    }
  }
  return [...rows.values()].sort((a, b) => b.requests - a.requests);
}
