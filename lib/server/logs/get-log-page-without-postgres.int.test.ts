import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { logSearchParamsSchema } from "@/lib/schemas/log-search";
import { toErrorResponse } from "../errors";
import type { LogStore } from "../log-store/types";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import { getLogPage } from "./get-log-page";
import { createLogContext } from "./log-context";
import { PAGE_NOTICES } from "./read-log-page";

const BASE = Date.UTC(2025, 0, 6, 12);
const RANGE = { from: new Date(BASE - 60_000).toISOString(), to: new Date(BASE + 3_600_000).toISOString() };

// Nothing listens on port 1: Postgres is down, and no TRIAGE_SECRET is set.
beforeAll(() => {
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/none";
  delete process.env.TRIAGE_SECRET;
});

describe("the explorer with Postgres unreachable", () => {
  const index = uniqueTestIndex("nopg");
  let store: LogStore;
  beforeAll(async () => {
    store = await connectTestEngine(TEST_ENGINES[0]);
    await store.bulkIndex(index, Array.from({ length: 30 }, (_, i) => ({ "@timestamp": new Date(BASE + i * 1000).toISOString(), message: `line ${i}` })), { refresh: true });
  });
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });
  const page = (input: Record<string, unknown>) =>
    getLogPage(logSearchParamsSchema.parse({ ...RANGE, size: 10, ...input }), createLogContext({ store, settings: { indexPattern: index, mapping: ECS_FIELD_MAPPING }, viewer: { id: "someone" } }));

  it("still shows the first page, without links onward and saying why", async () => {
    const first = await page({});
    expect(first.lines).toHaveLength(10);
    expect(first.paging.nextCursor).toBeNull();
    expect(first.notices).toEqual([expect.stringMatching(/^Paging is unavailable: the secret that signs page links cannot be read/)]);
  });

  it("answers a page link it cannot check with a 503, not a 500", async () => {
    const error = await page({ cursor: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }).catch((caught: unknown) => caught);
    expect(toErrorResponse(error, "test").status).toBe(503);
  });

  it("with TRIAGE_SECRET set, pages on without a point in time, with a notice", async () => {
    process.env.TRIAGE_SECRET = "a-secret-for-this-test-only-0123456789";
    const first = await page({});
    const second = await page({ cursor: first.paging.nextCursor });
    expect(second.notices).toEqual([PAGE_NOTICES.noRegistry]);
    expect(second.lines.map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${19 - i}`));
  });
});
