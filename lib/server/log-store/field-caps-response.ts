import "server-only";
import type { FieldCapsResult } from "./types";

interface RawFieldCaps {
  indices?: string | string[];
  fields?: Record<string, Record<string, { type?: string; searchable?: boolean; aggregatable?: boolean }>>;
}

/** Both clients answer `_field_caps` in the same shape; this only drops what the app never reads. */
export function toFieldCapsResult(raw: unknown): FieldCapsResult {
  const response = (raw ?? {}) as RawFieldCaps;
  const indices = typeof response.indices === "string" ? [response.indices] : (response.indices ?? []);
  const fields: FieldCapsResult["fields"] = {};
  for (const [name, byType] of Object.entries(response.fields ?? {})) {
    fields[name] = Object.fromEntries(Object.entries(byType).map(([type, caps]) => [type, { type: caps.type ?? type, searchable: caps.searchable, aggregatable: caps.aggregatable }]));
  }
  return { indices, fields };
}
