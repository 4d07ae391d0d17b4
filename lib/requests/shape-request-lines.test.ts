import { describe, expect, it } from "vitest";
import { generateDemoLogs } from "@/lib/demo/generate-demo-logs";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { DEFAULT_REDACTION_RULES, type RedactionRule } from "@/lib/logs/redact";
import { redactSearchResult } from "@/lib/logs/redact-search-result";
import { shapeRequestLines, type SourcedHit } from "./shape-request-lines";

const { documents } = generateDemoLogs({ seed: 77, anchor: "2025-06-01T12:00:30.000Z", targetLines: 3000 });
/** The request's lines as a LogContext's store answers them, redacted under `rules`. */
const hitsOf = (requestId: string, rules: readonly RedactionRule[] = DEFAULT_REDACTION_RULES): SourcedHit[] => {
  const hits = documents.filter((d) => d.http.request.id === requestId).map((d, k) => ({ _id: `${requestId}-${k}`, _index: "logs-x", _source: d as unknown as Record<string, unknown> }));
  return redactSearchResult({}, { hits }, rules).hits.map((hit) => ({ hit, mapping: ECS_FIELD_MAPPING, sourceName: "app" }));
};

describe("shapeRequestLines", () => {
  const logged = documents.find((d) => d.service.name === "gateway" && d.http.request.headers?.authorization)!;
  const token = logged.http.request.headers!.authorization;

  it("builds the timeline, first error and curl from the redacted lines and counts their redactions", () => {
    const shaped = shapeRequestLines(hitsOf(logged.http.request.id), { id: logged.http.request.id, rules: DEFAULT_REDACTION_RULES });
    expect(shaped.redactions).toBeGreaterThan(0);
    expect(JSON.stringify(shaped)).not.toContain(token);
    expect(shaped.logLines[0]).toMatchObject({ index: "logs-x", timestamp: expect.any(String), service: "gateway", sourceName: "app" });
    expect(shaped.curl?.command).toContain(`X-Request-ID: ${logged.http.request.id}`);
  });

  it("copies the request's own X-Request-ID when opened by its trace id, and never credentials even with redaction off", () => {
    const shaped = shapeRequestLines(hitsOf(logged.http.request.id, []), { id: logged.trace.id, rules: [] });
    expect(shaped.curl?.command).toContain(`X-Request-ID: ${logged.http.request.id}`);
    expect(shaped.curl?.command).not.toMatch(/authorization|bearer|eyJ/i);
    expect(JSON.stringify(shaped.logLines)).toContain(token);
  });

  it("answers empty for no hits", () => {
    expect(shapeRequestLines([], { id: "x", rules: DEFAULT_REDACTION_RULES })).toMatchObject({ logLines: [], redactions: 0, firstError: null, curl: null, timeline: { lanes: [] } });
  });
});
