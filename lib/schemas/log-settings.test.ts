import { describe, expect, it } from "vitest";
import { indexPatternSchema } from "./log-settings";

describe("indexPatternSchema", () => {
  it.each(["logs-*", "logs-triage-*", "app_logs-2026.11.*", "filebeat-*"])("accepts %s", (pattern) => {
    expect(indexPatternSchema.safeParse(pattern).success).toBe(true);
  });

  // Index restriction: no system indices, no comma lists, no exclusions or cross-cluster names.
  it.each([".security", ".kibana*", "_all", "-logs", "logs-*,.security", "logs-*, secrets", "remote:logs-*", "../x", "LOGS", "*", ""])("refuses %j", (pattern) => {
    expect(indexPatternSchema.safeParse(pattern).success).toBe(false);
  });
});
