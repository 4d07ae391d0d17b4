import { describe, expect, it } from "vitest";
import { overviewParamsSchema } from "./overview";

describe("overviewParamsSchema", () => {
  it("fills defaults", () => {
    expect(overviewParamsSchema.parse({})).toEqual({ from: "now-1h", to: "now", service: [], environment: [], source: [] });
  });
  it("refuses unknown parameters, so nothing else can reach the engine", () => {
    const result = overviewParamsSchema.safeParse({ index: ".security", from: "now-1h" });
    expect(result.success).toBe(false);
  });
  it("refuses names with characters no service or environment has", () => {
    expect(overviewParamsSchema.safeParse({ service: ['users" OR *'] }).success).toBe(false);
    expect(overviewParamsSchema.safeParse({ environment: ["prod,uction "] }).success).toBe(false);
    expect(overviewParamsSchema.parse({ service: [" users "], environment: ["eu-west.prod"] })).toMatchObject({ service: ["users"], environment: ["eu-west.prod"] });
  });
  it("bounds the number of filter values", () => {
    expect(overviewParamsSchema.safeParse({ service: Array.from({ length: 51 }, (_, i) => `s${i}`) }).success).toBe(false);
    expect(overviewParamsSchema.safeParse({ environment: Array.from({ length: 21 }, (_, i) => `e${i}`) }).success).toBe(false);
  });
});

describe("overviewParamsSchema source filter", () => {
  it("takes source names and refuses what a source cannot be called", () => {
    expect(overviewParamsSchema.parse({ source: ["gateway", "app-logs"] }).source).toEqual(["gateway", "app-logs"]);
    expect(overviewParamsSchema.safeParse({ source: ["Gate Way"] }).success).toBe(false);
    expect(overviewParamsSchema.safeParse({ source: ["x\u0000"] }).success).toBe(false);
  });
});
