/**
 * Reads a dotted field from a log document whether it is nested ({http:{request:{id}}}) or
 * flat ("http.request.id"), or a mix of both, as real pipelines produce.
 */
export function readField(document: unknown, path: string): unknown {
  if (document === null || typeof document !== "object") return undefined;
  const record = document as Record<string, unknown>;
  if (path in record) return record[path];
  const parts = path.split(".");
  for (let split = parts.length - 1; split >= 1; split--) {
    const head = parts.slice(0, split).join(".");
    if (head in record) {
      const found = readField(record[head], parts.slice(split).join("."));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
