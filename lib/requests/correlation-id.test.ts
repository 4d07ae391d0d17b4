import { describe, expect, it } from "vitest";
import { correlationIdSchema, requestDrilldownParamsSchema } from "@/lib/schemas/request-drilldown";
import { CORRELATION_ID_MAX_LENGTH, describeCorrelationIdProblem } from "./correlation-id";

const messageOf = (input: unknown, schema = correlationIdSchema) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join("; ");
};

describe("correlationIdSchema", () => {
  it("accepts request ids, trace ids and anything printable, trimmed", () => {
    expect(correlationIdSchema.parse("  req-3f9a1c2b4d5e6f70 ")).toBe("req-3f9a1c2b4d5e6f70");
    expect(correlationIdSchema.parse("4bf92f3577b34da6a3ce929d0e0e4736")).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(correlationIdSchema.parse("order 42/été: \"quoted\" 'x'")).toBe("order 42/été: \"quoted\" 'x'");
    expect(correlationIdSchema.parse("x".repeat(256))).toHaveLength(256);
    // 256 characters even when each takes two UTF-16 units.
    expect(correlationIdSchema.safeParse("😀".repeat(256)).success).toBe(true);
  });

  it("refuses empty, over-long and control-character ids with a readable message", () => {
    expect(messageOf("   ")).toBe("Request ID is empty: paste an X-Request-ID or trace ID.");
    expect(messageOf("x".repeat(257))).toBe(`Request ID is too long: 257 characters, at most ${CORRELATION_ID_MAX_LENGTH}.`);
    expect(messageOf("req-1\nInjected: yes")).toBe("Request ID contains a control character (U+000A at position 6): paste the ID alone.");
    expect(messageOf("a\u0000b")).toMatch(/U\+0000 at position 2/);
    expect(messageOf("a\u007fb")).toMatch(/U\+007F/);
    expect(messageOf("a\u0085b")).toMatch(/U\+0085/);
    expect(messageOf("a\u2028b")).toMatch(/U\+2028/);
    expect(messageOf(42)).toBe("Request ID must be text.");
  });

  it("shares its rule with describeCorrelationIdProblem", () => {
    expect(describeCorrelationIdProblem("ok")).toBeNull();
    expect(describeCorrelationIdProblem("a\tb")).toMatch(/U\+0009/);
  });
});

describe("requestDrilldownParamsSchema", () => {
  it("parses the id with an optional time and window", () => {
    expect(requestDrilldownParamsSchema.parse({ id: " req-1 " })).toEqual({ id: "req-1" });
    expect(requestDrilldownParamsSchema.parse({ id: "req-1", around: "2025-06-01T12:00:00.000Z", window: "24h" })).toEqual({
      id: "req-1",
      around: "2025-06-01T12:00:00.000Z",
      window: "24h",
    });
    expect(requestDrilldownParamsSchema.parse({ id: "req-1", around: "2025-06-01T14:00:00+02:00" }).around).toBe("2025-06-01T14:00:00+02:00");
  });

  it("names the field and says what is expected", () => {
    const parsed = requestDrilldownParamsSchema.safeParse({ id: "x".repeat(300), around: "yesterday", window: "2w" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["id", "Request ID is too long: 300 characters, at most 256."],
      ["around", "around must be an ISO date-time such as 2025-06-01T12:00:00Z."],
      ["window", "window must be 1h, 24h or 7d."],
    ]);
  });
});
