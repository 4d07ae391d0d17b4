import { findQueryFields, type QueryFieldRef } from "./query-fields";

/** One field as `_field_caps` describes it across the indices of a pattern. */
export interface FieldInfo {
  name: string;
  /** Several when the pattern's indices disagree. */
  types: string[];
  aggregatable: boolean;
}

export interface FieldCatalog {
  /** The concrete indices the pattern matched (backing indices for data streams). */
  indices: string[];
  fields: Map<string, FieldInfo>;
}

interface FieldCapsLike {
  indices: string[];
  fields: Record<string, Record<string, { type: string; aggregatable?: boolean }>>;
}

export function buildFieldCatalog(result: FieldCapsLike): FieldCatalog {
  const fields = new Map<string, FieldInfo>();
  for (const [name, byType] of Object.entries(result.fields)) {
    const types = Object.keys(byType).sort();
    // A terms aggregation over a field that is long in one index and keyword in another fails to reduce.
    const aggregatable = types.length === 1 && Object.values(byType).every((caps) => caps.aggregatable === true);
    fields.set(name, { name, types, aggregatable });
  }
  return { indices: result.indices, fields };
}

const STRUCTURE_TYPES = new Set(["object", "nested"]);

export type CountableField = { ok: true; field: string } | { ok: false; message: string };

/** The field a terms aggregation can count for `name`: itself, or its `.keyword` sub-field when it is full text. */
export function countableField(catalog: FieldCatalog, name: string): CountableField {
  const info = catalog.fields.get(name);
  if (!info) return { ok: false, message: `unknown field ${name}: pick one of the fields in the sidebar` };
  if (info.aggregatable) return { ok: true, field: name };
  if (catalog.fields.get(`${name}.keyword`)?.aggregatable) return { ok: true, field: `${name}.keyword` };
  if (info.types.length > 1) return { ok: false, message: `field ${name} has different types across indices (${info.types.join(", ")}), so its values cannot be counted` };
  return { ok: false, message: `field ${name} is ${info.types.join(", ")} and its values cannot be counted` };
}

/** The first field the query names that the indices do not have, with its column. */
export function findUnknownQueryField(catalog: FieldCatalog, query: string): QueryFieldRef | null {
  // With no index behind the pattern every name would be "unknown"; the empty result says enough.
  if (catalog.indices.length === 0) return null;
  return findQueryFields(query).find((ref) => !catalog.fields.has(ref.field)) ?? null;
}

/** Fields worth offering in the sidebar and column chooser: leaves, no metadata, no `.keyword` twins. */
export function listableFields(catalog: FieldCatalog): Array<{ name: string; type: string; countable: boolean }> {
  const names = [...catalog.fields.values()]
    .filter((info) => !info.name.startsWith("_") && !info.types.some((type) => STRUCTURE_TYPES.has(type) || type.startsWith("_")))
    .filter((info) => !(info.name.endsWith(".keyword") && catalog.fields.has(info.name.slice(0, -".keyword".length))))
    .sort((a, b) => a.name.localeCompare(b.name));
  return names.map((info) => ({ name: info.name, type: info.types.join(", "), countable: countableField(catalog, info.name).ok }));
}
