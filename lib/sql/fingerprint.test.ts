import { beforeAll, describe, expect, it } from "vitest";
import { fingerprintStatement, loadSqlParser } from "./fingerprint";

beforeAll(() => loadSqlParser());

const fp = (sql: string) => fingerprintStatement(sql).fingerprint;

describe("fingerprintStatement on real-world SQL", () => {
  it("groups the orders query whatever its literals, operand order, comments and spacing", () => {
    const base = fp("SELECT * FROM orders WHERE user_id = 42 AND status = 'active' ORDER BY created_at DESC");
    expect(fp("SELECT * FROM orders WHERE user_id = 7 AND status = 'paid' ORDER BY created_at DESC")).toBe(base);
    expect(fp("select *\n  from orders\n where status = 'x' and user_id = 9\n order by created_at desc")).toBe(base);
    expect(fp("SELECT * FROM orders /* list */ WHERE user_id = 1 -- owner\n AND status = 'a' ORDER BY created_at DESC;")).toBe(base);
    expect(fp("SELECT * FROM orders WHERE user_id = 42 AND status = 'active' ORDER BY created_at DESC /*request_id='r-1',traceparent='00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'*/")).toBe(base);
  });

  it("groups IN lists of any length with = ANY($1), and tells SELECT id from SELECT *", () => {
    const list = fp("SELECT * FROM t WHERE id IN (1, 2, 3)");
    expect(fp("SELECT * FROM t WHERE id IN (4,5)")).toBe(list);
    expect(fp("SELECT * FROM t WHERE id = ANY($1)")).toBe(list);
    expect(fp("SELECT id FROM t WHERE id IN (1)")).not.toBe(list);
    expect(fp("SELECT id FROM t")).not.toBe(fp("SELECT * FROM t"));
  });

  it("shows the statement with $n placeholders", () => {
    expect(fingerprintStatement("SELECT * FROM orders WHERE user_id = 42 AND status = 'active'")).toEqual({
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      normalized: "SELECT * FROM orders WHERE user_id = $1 AND status = $2",
      parsed: true,
    });
  });

  it("handles quoted identifiers, quotes inside strings, casts, CTEs and dollar quotes", () => {
    expect(fp(`SELECT "User"."id" FROM "User" WHERE "email" = 'o''brien@x.io'`)).toBe(fp(`SELECT "User"."id" FROM "User" WHERE "email" = 'a@b.c'`));
    expect(fp("SELECT * FROM users WHERE created_at > '2026-01-01'::timestamptz")).toBe(fp("SELECT * FROM users WHERE created_at > '2025-06-30'::timestamptz"));
    expect(fp("SELECT * FROM users WHERE created_at > CAST('2026-01-01' AS timestamptz)")).not.toBe(fp("SELECT * FROM users WHERE id > 1"));
    const cte = "WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day') SELECT user_id, count(*) FROM recent WHERE total_cents > 100 GROUP BY user_id";
    expect(fp(cte)).toBe(fp(cte.replace("100", "5000").replace("1 day", "7 days")));
    expect(fingerprintStatement("SELECT $$it's a ? literal$$ AS note").parsed).toBe(true);
    expect(fp(`SELECT E'a\\'b' FROM t`)).toBe(fp("SELECT 'c' FROM t"));
  });

  it("fingerprints multi-statement strings as a whole, and differently from their parts", () => {
    const both = fingerprintStatement("BEGIN; UPDATE accounts SET balance = balance - 10 WHERE id = 1; COMMIT;");
    expect(both.parsed).toBe(true);
    expect(both.fingerprint).toBe(fp("BEGIN; UPDATE accounts SET balance = balance - 99 WHERE id = 7; COMMIT"));
    expect(both.fingerprint).not.toBe(fp("UPDATE accounts SET balance = balance - 10 WHERE id = 1"));
  });

  it("turns JDBC ? placeholders into $n, so they parse and group with literal forms", () => {
    const jdbc = fingerprintStatement("SELECT * FROM orders WHERE user_id = ? AND status = ?");
    expect(jdbc.parsed).toBe(true);
    expect(jdbc.fingerprint).toBe(fp("SELECT * FROM orders WHERE user_id = 5 AND status = 'active'"));
    // A ? inside a literal is not a placeholder; jsonb's ? operator parses as it is.
    expect(fingerprintStatement("SELECT * FROM t WHERE note = 'why?' AND id = ?").parsed).toBe(true);
    expect(fingerprintStatement("SELECT * FROM docs WHERE body ? 'key'").parsed).toBe(true);
  });

  it("still groups statements the parser rejects, with the tokenizer fallback, and says so", () => {
    const broken = fingerprintStatement("SELEC * FROM orders WHERE user_id = 42 AND id IN (1,2,3)");
    expect(broken.parsed).toBe(false);
    expect(broken.parseError).toMatch(/syntax error/);
    expect(broken.normalized).toBe("SELEC * FROM orders WHERE user_id = $1 AND id IN ($2)");
    expect(fp("selec *   from orders where user_id = 7 and id in (9)")).toBe(broken.fingerprint);
    expect(fp("SELEC * FROM orders WHERE user_id = 1 AND id IN (1)")).not.toBe(fp("SELEC * FROM users WHERE user_id = 1 AND id IN (1)"));
    // A statement cut mid-clause (at a keyword limit) is grouped by what was kept.
    expect(fingerprintStatement("SELECT * FROM orders WHERE user_id = 4 AND").parsed).toBe(false);
  });
});
