import { beforeAll, describe, expect, it } from "vitest";
import { loadSqlParser } from "./fingerprint";
import { exactPercentile, groupSlowStatementsAnswer } from "./group-slow-statements";

beforeAll(() => loadSqlParser());

const bucket = (key: string, count: number, totalNs: number, maxNs: number, service: string) => ({
  key,
  doc_count: count,
  total: { value: totalNs },
  longest: { value: maxNs },
  first_seen: { value: 1_000 },
  last_seen: { value: 2_000 },
  services: { buckets: [{ key: service, doc_count: count }] },
});

describe("groupSlowStatementsAnswer", () => {
  it("adds statements up by fingerprint, in milliseconds, largest total first", () => {
    const groups = groupSlowStatementsAnswer(
      {
        statements: {
          buckets: [
            bucket("SELECT * FROM orders WHERE user_id = 1", 2, 2_000e6, 1_500e6, "orders"),
            bucket("SELECT * FROM users WHERE id = 9", 5, 3_000e6, 700e6, "users"),
            bucket("select * from orders where user_id = 2 /*request_id='r'*/", 3, 2_500e6, 900e6, "orders"),
          ],
        },
      },
      1e6,
    );
    expect(groups.map((g) => [g.normalized, g.count, g.totalMs, g.maxMs])).toEqual([
      ["SELECT * FROM orders WHERE user_id = $1", 5, 4_500, 1_500],
      ["SELECT * FROM users WHERE id = $1", 5, 3_000, 700],
    ]);
    expect(groups[0]!.statements).toHaveLength(2);
    expect(groups[0]!.services).toEqual({ orders: 5 });
  });

  it("takes nearest-rank percentiles of durations read one by one", () => {
    expect(exactPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(exactPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(exactPercentile([], 95)).toBeNull();
  });
});
