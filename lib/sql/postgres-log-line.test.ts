import { describe, expect, it } from "vitest";
import { collectServerLogRuns, parseParameterList, parseServerLogLine } from "./postgres-log-line";

// Lines as PostgreSQL 15 writes them under Debian's default log_line_prefix '%m [%p] %q%u@%d '.
const prefix = "2026-12-01 14:03:11.120 UTC [4242] shop_app@shop ";

describe("parseServerLogLine", () => {
  it("reads simple-protocol statements with their duration, whatever the prefix", () => {
    expect(parseServerLogLine(`${prefix}LOG:  duration: 1503.412 ms  statement: SELECT * FROM orders WHERE user_id = 5`)).toEqual({
      kind: "statement",
      pid: "4242",
      durationMs: 1503.412,
      statement: "SELECT * FROM orders WHERE user_id = 5",
    });
    expect(parseServerLogLine("LOG:  duration: 0.5 ms  statement: SELECT 1")).toMatchObject({ kind: "statement", pid: null, durationMs: 0.5 });
    // A statement over several lines, as a multiline-aware shipper joins them.
    expect(parseServerLogLine(`${prefix}LOG:  duration: 12.000 ms  statement: SELECT *\n\tFROM orders\n\tWHERE id = 1`)).toMatchObject({ statement: "SELECT *\n\tFROM orders\n\tWHERE id = 1" });
  });

  it("reads extended-protocol executes, their parameters, and tells parse/bind steps apart", () => {
    expect(parseServerLogLine(`${prefix}LOG:  duration: 2.104 ms  execute <unnamed>: SELECT * FROM orders WHERE user_id = $1 AND status = $2`)).toMatchObject({ kind: "execute", durationMs: 2.104 });
    expect(parseServerLogLine(`${prefix}LOG:  duration: 0.2 ms  execute S_1: COMMIT`)).toMatchObject({ kind: "execute", statement: "COMMIT" });
    expect(parseServerLogLine(`${prefix}LOG:  duration: 0.101 ms  parse <unnamed>: SELECT 1`)).toMatchObject({ kind: "step" });
    expect(parseServerLogLine(`${prefix}LOG:  duration: 0.101 ms  bind <unnamed>: SELECT 1`)).toMatchObject({ kind: "step" });
    expect(parseServerLogLine(`${prefix}DETAIL:  parameters: $1 = '42', $2 = 'it''s', $3 = NULL`)).toEqual({ kind: "parameters", pid: "4242", values: ["'42'", "'it''s'", "NULL"] });
  });

  it("reads auto_explain plans in text and JSON format", () => {
    const text = `${prefix}LOG:  duration: 1510.020 ms  plan:\n\tQuery Text: SELECT * FROM orders\n\t  WHERE user_id = 5\n\tSeq Scan on orders  (cost=0.00..20811.00 rows=10 width=52)\n\t  Filter: (user_id = 5)`;
    expect(parseServerLogLine(text)).toEqual({ kind: "plan", pid: "4242", durationMs: 1510.02, statement: "SELECT * FROM orders\n\t  WHERE user_id = 5" });
    const json = `${prefix}LOG:  duration: 3.0 ms  plan:\n\t{\n\t  "Query Text": "SELECT \\"a\\" FROM t",\n\t  "Plan": {}\n\t}`;
    expect(parseServerLogLine(json)).toMatchObject({ kind: "plan", statement: 'SELECT "a" FROM t' });
  });

  it("ignores every other line", () => {
    expect(parseServerLogLine(`${prefix}LOG:  checkpoint starting: time`)).toBeNull();
    expect(parseServerLogLine(`${prefix}ERROR:  relation "nope" does not exist at character 15`)).toBeNull();
    expect(parseServerLogLine(`${prefix}STATEMENT:  SELECT * FROM nope`)).toBeNull();
    expect(parseServerLogLine("")).toBeNull();
  });

  it("parses parameter lists with commas and quotes inside values", () => {
    expect(parseParameterList("$1 = 'a, b', $2 = '''x'''")).toEqual(["'a, b'", "'''x'''"]);
  });
});

describe("collectServerLogRuns", () => {
  const line = (id: string, timestamp: number, message: string) => ({ id, timestamp, message });

  it("joins executes with their process's next DETAIL line and counts an auto_explain plan of the same run once", () => {
    const runs = collectServerLogRuns([
      line("a", 1000, "2026-12-01 14:00:01.000 UTC [7] LOG:  duration: 900.000 ms  execute <unnamed>: SELECT * FROM orders WHERE user_id = $1"),
      line("b", 1000, "2026-12-01 14:00:01.000 UTC [8] LOG:  duration: 5.000 ms  statement: SELECT 1"),
      line("c", 1001, "2026-12-01 14:00:01.001 UTC [7] DETAIL:  parameters: $1 = '42'"),
      line("d", 1002, "2026-12-01 14:00:01.002 UTC [7] LOG:  duration: 899.900 ms  plan:\n\tQuery Text: SELECT * FROM orders WHERE user_id = $1\n\tSeq Scan on orders  (cost=0.00..1.00 rows=1 width=4)"),
      line("e", 5000, "2026-12-01 14:00:05.000 UTC [9] LOG:  duration: 700.000 ms  plan:\n\tQuery Text: SELECT 2\n\tResult  (cost=0.00..0.01 rows=1 width=4)"),
    ]);
    expect(runs).toEqual([
      { id: "a", timestamp: 1000, pid: "7", durationMs: 900, statement: "SELECT * FROM orders WHERE user_id = $1", parameters: ["'42'"] },
      { id: "b", timestamp: 1000, pid: "8", durationMs: 5, statement: "SELECT 1" },
      { id: "e", timestamp: 5000, pid: "9", durationMs: 700, statement: "SELECT 2" },
    ]);
  });
});
