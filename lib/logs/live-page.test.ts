import { describe, expect, it } from "vitest";
import { BEFORE_ANY_SHARD_DOC } from "./build-log-page-query";
import { cutLivePage, liveReadOrder, liveSearchAfter } from "./live-page";
import type { SortPosition } from "./page-cursor";

type Hit = { id: number; sort: [number] };
type Order = "asc" | "desc";

/** What the engine does with sort [time order] and search_after [value]: strictly after it, size lines. */
function engineRead(times: number[], order: Order, size: number, searchAfter?: [number]): Hit[] {
  const hits = times.map((t, id) => ({ id, sort: [t] as [number] }));
  const sorted = hits.sort((a, b) => (order === "desc" ? b.sort[0] - a.sort[0] : a.sort[0] - b.sort[0]) || a.id - b.id);
  const after = searchAfter?.[0];
  return sorted.filter((hit) => after === undefined || (order === "desc" ? hit.sort[0] < after : hit.sort[0] > after)).slice(0, size);
}

function readPage(times: number[], order: Order, size: number, cursor?: { after: SortPosition; direction: "next" | "prev" }) {
  const readOrder = cursor ? liveReadOrder(order, cursor.direction) : order;
  const hits = engineRead(times, readOrder, size + 1, cursor ? liveSearchAfter(cursor.after, cursor.direction, order) : undefined);
  return cutLivePage(hits, size, order, cursor);
}

// Runs of 1-3 lines per millisecond, in a scrambled index order.
const times = Array.from({ length: 200 }, (_, i) => 1_000 + Math.floor((i * 7) % 200 / 2.5));

describe.each(["desc", "asc"] as const)("live paging, %s", (order) => {
  it("walks forward over every line exactly once, pages ending between milliseconds", () => {
    const pages = [readPage(times, order, 10)];
    while (pages.at(-1)!.next && pages.length < 100) pages.push(readPage(times, order, 10, { after: pages.at(-1)!.next!, direction: "next" }));
    const ids = pages.flatMap((page) => page.shown.map((hit) => hit.id));
    expect(new Set(ids).size).toBe(times.length);
    expect(ids).toHaveLength(times.length);
    for (const page of pages) expect(page.shown.length).toBeLessThanOrEqual(10);
    expect(pages.some((page) => page.skippedTies)).toBe(false);
  });

  it("walks back from the last page over every line exactly once", () => {
    let page = readPage(times, order, 10);
    while (page.next) page = readPage(times, order, 10, { after: page.next, direction: "next" });
    const seen = [...page.shown.map((hit) => hit.id)];
    while (page.prev) {
      const back = readPage(times, order, 10, { after: page.prev, direction: "prev" });
      // Display order holds on pages read backwards too, and "next" leads back to where we came from.
      const shownTimes = back.shown.map((hit) => hit.sort[0]);
      expect(shownTimes).toEqual([...shownTimes].sort((a, b) => (order === "desc" ? b - a : a - b)));
      expect(back.next).toEqual(page.prev);
      seen.push(...back.shown.map((hit) => hit.id));
      page = back;
    }
    expect(seen.sort((a, b) => a - b)).toEqual(times.map((_, id) => id));
  });

  it("skips the rest of a millisecond holding more lines than a page, and says so", () => {
    const tied = [...Array.from({ length: 15 }, () => 5_000), 4_000, 6_000];
    const first = readPage(tied, order, 10, { after: [order === "desc" ? 6_000 : 4_000, 0], direction: "next" });
    expect(first.skippedTies).toBe(false);
    const full = readPage(tied, order, 10, { after: first.next!, direction: "next" });
    expect(full).toMatchObject({ skippedTies: true });
    expect(full.shown.every((hit) => hit.sort[0] === 5_000)).toBe(true);
    expect(full.shown).toHaveLength(10);
    const after = readPage(tied, order, 10, { after: full.next!, direction: "next" });
    expect(after.shown.map((hit) => hit.sort[0])).toEqual([order === "desc" ? 4_000 : 6_000]);
  });
});

describe("liveSearchAfter", () => {
  it("starts a forward read with the whole run, and a backward read just before it", () => {
    expect(liveSearchAfter([500, BEFORE_ANY_SHARD_DOC], "next", "desc")).toEqual([501]);
    expect(liveSearchAfter([500, BEFORE_ANY_SHARD_DOC], "next", "asc")).toEqual([499]);
    expect(liveSearchAfter([500, BEFORE_ANY_SHARD_DOC], "prev", "desc")).toEqual([500]);
    // A position inside a run (from a point in time) keeps the whole run either way.
    expect(liveSearchAfter([500, 17], "prev", "desc")).toEqual([499]);
    expect(liveSearchAfter([500, 17], "prev", "asc")).toEqual([501]);
  });
});
