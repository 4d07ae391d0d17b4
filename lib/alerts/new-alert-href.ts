import type { MeasureKind } from "@/lib/schemas/alert-rule";

/** "Alert on this": the new-rule form with the scope filled in through its URL (app/(dashboard)/alerts/new/search-params.ts). */
export function newAlertHref(prefill: { service?: string; environment?: string; measure?: MeasureKind; fingerprint?: string }): string {
  const params = new URLSearchParams(Object.entries(prefill).filter((entry): entry is [string, string] => !!entry[1]));
  return `/alerts/new${params.size ? `?${params}` : ""}`;
}
