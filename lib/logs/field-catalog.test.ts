import { describe, expect, it } from "vitest";
import { buildFieldCatalog, countableField, findUnknownQueryField, listableFields } from "./field-catalog";

const catalog = buildFieldCatalog({
  indices: ["logs-a"],
  fields: {
    _id: { _id: { type: "_id", aggregatable: false } },
    service: { object: { type: "object" } },
    "service.name": { keyword: { type: "keyword", aggregatable: true } },
    message: { text: { type: "text", aggregatable: false } },
    "message.keyword": { keyword: { type: "keyword", aggregatable: true } },
    "db.statement": { text: { type: "text", aggregatable: false } },
    status: { long: { type: "long", aggregatable: true }, keyword: { type: "keyword", aggregatable: true } },
  },
});

describe("field catalog", () => {
  it("counts keyword fields directly and text through .keyword", () => {
    expect(countableField(catalog, "service.name")).toEqual({ ok: true, field: "service.name" });
    expect(countableField(catalog, "message")).toEqual({ ok: true, field: "message.keyword" });
  });

  it("says why a field cannot be counted", () => {
    expect(countableField(catalog, "nope")).toEqual({ ok: false, message: "unknown field nope: pick one of the fields in the sidebar" });
    expect(countableField(catalog, "db.statement")).toMatchObject({ ok: false, message: expect.stringMatching(/text/) });
    expect(countableField(catalog, "status")).toMatchObject({ ok: false, message: expect.stringMatching(/different types.*keyword, long/) });
  });

  it("finds the first unknown field of a query, unless no index matched", () => {
    expect(findUnknownQueryField(catalog, "service.name:a AND servce.name:b")).toEqual({ field: "servce.name", column: 20 });
    expect(findUnknownQueryField(catalog, "service.name:a")).toBeNull();
    expect(findUnknownQueryField({ indices: [], fields: new Map() }, "x:1")).toBeNull();
  });

  it("lists leaf fields without metadata, objects or .keyword twins", () => {
    expect(listableFields(catalog)).toEqual([
      { name: "db.statement", type: "text", countable: false },
      { name: "message", type: "text", countable: true },
      { name: "service.name", type: "keyword", countable: true },
      { name: "status", type: "keyword, long", countable: false },
    ]);
  });
});
