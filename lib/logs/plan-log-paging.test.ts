import { describe, expect, it } from "vitest";
import { decodePageCursor } from "./page-cursor";
import { planLogPaging, type PagingInput } from "./plan-log-paging";

const base: PagingInput = { page: 1, offset: 0, size: 3, total: 10, shown: [{ sort: [9] }, { sort: [8] }], pitId: null, range: { from: 1, to: 2 }, fingerprint: "abcdef01" };
const decode = (token: string | null) => (token ? decodePageCursor(token) : null);

describe("planLogPaging", () => {
  it("leaves the live first page for a new point in time, starting at every line of the boundary timestamp", () => {
    const paging = planLogPaging({ ...base, boundary: 7 });
    expect(paging).toMatchObject({ page: 1, offset: 0, prevCursor: null, isFirstPage: true });
    expect(decode(paging.nextCursor)).toEqual({ pit: null, after: [7, -1], direction: "next", page: 2, offset: 2, from: 1, to: 2, fingerprint: "abcdef01" });
  });

  it("continues a point in time after the last line; previous reads back from the first", () => {
    const paging = planLogPaging({ ...base, page: 3, offset: 5, shown: [{ sort: [6, 1] }, { sort: [5, 0] }, { sort: [5, 3] }], pitId: "pit" });
    expect(decode(paging.nextCursor)).toMatchObject({ pit: "pit", after: [5, 3], direction: "next", page: 4, offset: 8 });
    expect(decode(paging.prevCursor)).toMatchObject({ pit: "pit", after: [6, 1], direction: "prev", page: 2, offset: 2 });
  });

  it("has no next page at the end, and page 2's previous is the first page", () => {
    const last = planLogPaging({ ...base, page: 2, offset: 8, shown: [{ sort: [1, 0] }, { sort: [0, 0] }], pitId: "pit" });
    expect(last).toEqual({ page: 2, offset: 8, nextCursor: null, prevCursor: null, isFirstPage: false });
    expect(planLogPaging({ ...base, total: 2 }).nextCursor).toBeNull();
  });
});
