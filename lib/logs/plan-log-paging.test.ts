import { describe, expect, it } from "vitest";
import { decodePageCursor } from "./page-cursor";
import { planLogPaging, type PagingInput } from "./plan-log-paging";

const key = Buffer.alloc(32, 1);
const view = { from: 1, to: 2, fingerprint: "abcdef0123456789" };
const base: PagingInput = { page: 1, offset: 0, size: 3, total: 10, shown: [{ sort: [9] }, { sort: [8] }], read: { kind: "live", next: [7, -1], prev: [9, -1] }, view, key };
const decode = (token: string | null) => (token ? decodePageCursor(token, key) : null);

describe("planLogPaging", () => {
  it("leaves the live first page at the start of the boundary's millisecond, signed", () => {
    const paging = planLogPaging(base);
    expect(paging).toMatchObject({ page: 1, offset: 0, prevCursor: null, isFirstPage: true });
    expect(decode(paging.nextCursor)).toEqual({ after: [7, -1], direction: "next", page: 2, offset: 2, ...view, snapshot: false });
    expect(decodePageCursor(paging.nextCursor!, Buffer.alloc(32, 2))).toBeNull();
  });

  it("continues a point in time after the last line; previous reads back from the first", () => {
    const paging = planLogPaging({ ...base, page: 3, offset: 5, shown: [{ sort: [6, 1] }, { sort: [5, 0] }, { sort: [5, 3] }], read: { kind: "snapshot" } });
    expect(decode(paging.nextCursor)).toMatchObject({ after: [5, 3], direction: "next", page: 4, offset: 8, snapshot: true });
    expect(decode(paging.prevCursor)).toMatchObject({ after: [6, 1], direction: "prev", page: 2, offset: 2, snapshot: true });
  });

  it("has no next page at the end, and page 2's previous is the first page", () => {
    const last = planLogPaging({ ...base, page: 2, offset: 8, shown: [{ sort: [1, 0] }, { sort: [0, 0] }], read: { kind: "snapshot" } });
    expect(last).toEqual({ page: 2, offset: 8, nextCursor: null, prevCursor: null, isFirstPage: false });
    expect(planLogPaging({ ...base, read: { kind: "live", next: null, prev: null } }).nextCursor).toBeNull();
  });

  it("hands out no cursors when the secret cannot be read", () => {
    expect(planLogPaging({ ...base, page: 3, key: null })).toMatchObject({ nextCursor: null, prevCursor: null });
  });
});
