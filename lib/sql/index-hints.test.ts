import { describe, expect, it } from "vitest";
import { shapePlan } from "./explain-plan";
import { filterColumns, proposeIndexes } from "./index-hints";

// EXPLAIN (FORMAT JSON) as PostgreSQL 15 answers for the demo's orders query.
const ordersPlan = [
  {
    Plan: {
      "Node Type": "Sort", "Startup Cost": 20811.1, "Total Cost": 20811.2, "Plan Rows": 28, "Sort Key": ["created_at DESC"],
      Plans: [{ "Node Type": "Seq Scan", "Relation Name": "orders", Alias: "orders", "Startup Cost": 0, "Total Cost": 20811, "Plan Rows": 28, Filter: "((user_id = 4242) AND (status = 'active'::text))" }],
    },
  },
];

describe("index hints", () => {
  it("reads equality and range columns from a plan filter, casts and ANY included", () => {
    expect(filterColumns("((user_id = 4242) AND (status = 'active'::text))")).toEqual({ equality: ["user_id", "status"], range: [] });
    expect(filterColumns("(((status)::text = 'paid'::text) AND (created_at > '2026-01-01 00:00:00+00'::timestamp with time zone) AND (id = ANY ('{1,2}'::integer[])))")).toEqual({ equality: ["status", "id"], range: ["created_at"] });
    // A comparison between two columns is a join condition, not a constant filter.
    expect(filterColumns("(a.user_id = b.id)")).toEqual({ equality: [], range: [] });
  });

  it("proposes equality columns, then the ORDER BY column, for a large sequential scan", () => {
    const plan = shapePlan(ordersPlan);
    expect(plan.children[0]!.expensive).toBe(true);
    const [hint] = proposeIndexes(plan, { orders: 1_000_000 });
    expect(hint).toMatchObject({ table: "orders", columns: ["user_id", "status", "created_at"], statement: "CREATE INDEX CONCURRENTLY orders_user_id_status_created_at_idx ON orders (user_id, status, created_at);" });
  });

  it("leaves the ORDER BY column out after a range column, and proposes nothing for small tables", () => {
    const ranged = structuredClone(ordersPlan);
    ranged[0]!.Plan.Plans[0]!.Filter = "((user_id = 1) AND (total_cents > 100))";
    expect(proposeIndexes(shapePlan(ranged), { orders: 50_000 })[0]?.columns).toEqual(["user_id", "total_cents"]);
    expect(proposeIndexes(shapePlan(ordersPlan), { orders: 500 })).toEqual([]);
  });
});
