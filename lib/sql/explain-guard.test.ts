import { beforeAll, describe, expect, it } from "vitest";
import { checkExplainable } from "./explain-guard";
import { loadSqlParser } from "./fingerprint";

beforeAll(() => loadSqlParser());

describe("checkExplainable", () => {
  it("accepts one SELECT (CTEs and UNIONs included) and strips its sqlcommenter comment", () => {
    expect(checkExplainable("SELECT * FROM orders WHERE id = 1 /*request_id='r1'*/;")).toEqual({ ok: true, sql: "SELECT * FROM orders WHERE id = 1" });
    expect(checkExplainable("WITH r AS (SELECT 1 AS x) SELECT x FROM r UNION SELECT 2").ok).toBe(true);
  });

  it("refuses writes, several statements, SELECT INTO, row locks and modifying CTEs", () => {
    expect(checkExplainable("UPDATE orders SET status = 'x'")).toMatchObject({ ok: false, message: expect.stringContaining("this is UPDATE") });
    expect(checkExplainable("SELECT 1; SELECT 2").ok).toBe(false);
    expect(checkExplainable("SELECT * INTO copy FROM orders").ok).toBe(false);
    expect(checkExplainable("SELECT * FROM orders FOR UPDATE").ok).toBe(false);
    expect(checkExplainable("SELECT 1 UNION SELECT 2 FROM t FOR SHARE").ok).toBe(false);
    expect(checkExplainable("WITH d AS (DELETE FROM orders RETURNING id) SELECT * FROM d").ok).toBe(false);
    expect(checkExplainable("SELEC 1")).toMatchObject({ ok: false, message: expect.stringContaining("parser rejects") });
  });
});
