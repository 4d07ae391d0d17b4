import { describe, expect, it } from "vitest";
import { FIRST_LOAD_BUDGET_BYTES, formatFirstLoadTable, routeOfEntry, summarizeFirstLoad } from "./first-load";

describe("first-load JavaScript per route", () => {
  it("names routes as their URLs, without route groups", () => {
    expect(routeOfEntry("/(dashboard)/logs/page")).toBe("/logs");
    expect(routeOfEntry("/(dashboard)/page")).toBe("/");
    expect(routeOfEntry("/(dashboard)/requests/[id]/page")).toBe("/requests/[id]");
    expect(routeOfEntry("/login/page")).toBe("/login");
  });

  it("counts a chunk shared by the root and the page once, and flags a route over the budget", () => {
    const sizes: Record<string, number> = { root: 100 * 1024, shared: 50 * 1024, charts: 120 * 1024 };
    const rows = summarizeFirstLoad(
      [
        { route: "/logs", files: ["root", "shared", "charts", "shared"] },
        { route: "/login", files: ["root"] },
      ],
      ["root"],
      (file) => sizes[file]!,
    );
    expect(rows).toEqual([
      { route: "/login", scripts: 1, gzipBytes: 100 * 1024, overBudget: false },
      { route: "/logs", scripts: 3, gzipBytes: 270 * 1024, overBudget: true },
    ]);
    expect(formatFirstLoadTable(rows)).toMatch(new RegExp(`/logs\\s+3\\s+270\\.0\\s+OVER ${FIRST_LOAD_BUDGET_BYTES / 1024}`));
  });
});
