import { afterAll, describe, expect, it } from "vitest";
import { connectTestEngine, TEST_ENGINES, uniqueTestIndex } from "@/lib/testing/test-engines";
import type { LogStore } from "../log-store/types";
import { getFieldCatalog } from "./get-field-catalog";

describe.each(TEST_ENGINES)("the field catalog cache on $name", (engine) => {
  const index = uniqueTestIndex("catalog");
  let store: LogStore | undefined;
  afterAll(async () => {
    await store?.deleteIndex(index);
    await store?.close();
  });

  it("does not keep a pattern's 'no index yet' for a minute: the first index is seen at once", async () => {
    store = await connectTestEngine(engine);
    expect((await getFieldCatalog(store, `${index}*`)).indices).toEqual([]);
    await store.bulkIndex(index, [{ "@timestamp": new Date().toISOString(), message: "first line" }], { refresh: true });
    const catalog = await getFieldCatalog(store, `${index}*`);
    expect(catalog.indices).toEqual([index]);
    expect(catalog.fields.has("message")).toBe(true);
  });
});
