import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { LOGGER_OPTIONS } from "./logger";

describe("Triage's own log lines", () => {
  it("never carry URL credentials, in the message, an error or its stack", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const log = pino({ ...LOGGER_OPTIONS, level: "info" }, sink);
    const error = new Error("Elasticsearch at http://triage:hunter2@es:9200 failed");
    log.error({ err: error, target: "https://bot:t0ken@hooks.example.com/x?token=abc" }, "call to http://a:b@c/ failed");
    const line = lines.join("");
    expect(line).toContain("http://es:9200");
    expect(line).toContain("https://hooks.example.com/x?token=[REDACTED]");
    expect(line).not.toMatch(/hunter2|t0ken|token=abc|a:b@/);
    expect(JSON.parse(line)).toMatchObject({ message: "call to http://c/ failed", log: { level: "ERROR" } });
  });
});
