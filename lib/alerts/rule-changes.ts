import type { RuleChange } from "@/lib/schemas/alert-rule-api";

/** Leaves of a JSON value by dotted path; arrays count as one leaf, so "services" changes as a whole. */
function leaves(value: unknown, at: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && at) out.set(at, value);
    for (const [key, item] of entries) leaves(item, at ? `${at}.${key}` : key, out);
  } else if (at) out.set(at, value);
  return out;
}

/**
 * The fields that differ between two versions of a rule, by dotted path ("condition.threshold"):
 * what a stale-version refusal and the audit log show, so nobody has to compare two JSON documents.
 */
export function ruleChanges(before: unknown, after: unknown): RuleChange[] {
  const a = leaves(before, "", new Map());
  const b = leaves(after, "", new Map());
  const changes: RuleChange[] = [];
  for (const field of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const from = a.get(field);
    const to = b.get(field);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, before: from ?? null, after: to ?? null });
  }
  return changes;
}

/** "condition.threshold: 5 → 10", for messages. */
export function describeChange(change: RuleChange): string {
  const show = (value: unknown) => (value === null || value === undefined ? "(none)" : typeof value === "string" ? `"${value}"` : JSON.stringify(value));
  return `${change.field}: ${show(change.before)} → ${show(change.after)}`;
}
