import type { DemoLogDocument } from "./log-document";

/** Groups documents by X-Request-ID, keeping generation order. */
export function groupByRequest(documents: readonly DemoLogDocument[]): Map<string, DemoLogDocument[]> {
  const byRequest = new Map<string, DemoLogDocument[]>();
  for (const doc of documents) {
    const id = doc.http.request.id;
    const list = byRequest.get(id);
    if (list) list.push(doc);
    else byRequest.set(id, [doc]);
  }
  return byRequest;
}

export function requestLines(documents: readonly DemoLogDocument[]): DemoLogDocument[] {
  return documents.filter((d) => d.http.response !== undefined);
}

export function ms(doc: DemoLogDocument): number {
  return Date.parse(doc["@timestamp"]);
}
