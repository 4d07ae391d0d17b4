import { SINGLE_CONCEPTS } from "./field-candidates";
import type { LevelScheme } from "@/lib/schemas/field-mapping";

/** `_field_caps`'s `fields`: field name -> type -> capabilities (both engines answer this shape). */
export type FieldCapsFields = Record<string, Record<string, { type?: string; aggregatable?: boolean; searchable?: boolean }>>;

export const NUMBER_TYPES = ["long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long"];
export const INTEGER_TYPES = ["long", "integer", "short", "byte", "unsigned_long"];

/** What the values of a numeric field look like: its most frequent values, and its largest. */
export interface ValueSample {
  values: number[];
  max: number | null;
}
export type ValueSamples = Record<string, ValueSample>;

/** Docs read per shard: enough to see every level a logger writes, cheap on any index size. */
const SAMPLE_DOCS_PER_SHARD = 5_000;
const SAMPLE_VALUES = 20;

const isNumeric = (fields: FieldCapsFields, name: string) => {
  const types = Object.keys(fields[name] ?? {});
  return types.length > 0 && types.every((type) => NUMBER_TYPES.includes(type));
};

/**
 * Numeric fields whose values decide the proposal: a level field's numbers tell pino from syslog,
 * a time field's size tells epoch milliseconds from seconds. Type alone cannot.
 */
export function fieldsToSample(fields: FieldCapsFields): string[] {
  const candidates = SINGLE_CONCEPTS.filter((c) => c.concept === "level" || c.concept === "timestamp").flatMap((c) => c.candidates);
  return candidates.filter((name) => isNumeric(fields, name));
}

/** One cheap search: a sampler over the first docs of each shard, terms and max per sampled field. */
export function buildValueSampleSearch(fields: readonly string[]): Record<string, unknown> {
  const aggs = Object.fromEntries(fields.flatMap((field, i) => [[`values_${i}`, { terms: { field, size: SAMPLE_VALUES } }], [`max_${i}`, { max: { field } }]]));
  return { size: 0, track_total_hits: false, aggs: { sample: { sampler: { shard_size: SAMPLE_DOCS_PER_SHARD }, aggs } } };
}

export function readValueSamples(fields: readonly string[], aggregations: Record<string, unknown> | undefined): ValueSamples {
  const sample = (aggregations?.["sample"] ?? {}) as Record<string, { buckets?: Array<{ key: unknown }>; value?: unknown }>;
  return Object.fromEntries(
    fields.map((field, i) => {
      const values = (sample[`values_${i}`]?.buckets ?? []).map((bucket) => Number(bucket.key)).filter(Number.isFinite);
      const max = sample[`max_${i}`]?.value;
      return [field, { values, max: typeof max === "number" && Number.isFinite(max) ? max : null }];
    }),
  );
}

const PINO_STANDARD = new Set([10, 20, 30, 40, 50, 60]);

/**
 * The level scheme a numeric level field's values show: pino/bunyan's 10–60 in steps of 10, or
 * syslog's 0–7. Anything else, or no values yet, keeps the current numeric scheme (pino if none).
 */
export function inferNumericLevelScheme(name: string, sample: ValueSample | undefined, current: LevelScheme): { scheme: LevelScheme; note: string } {
  const fallback = current === "names" ? "pino" : current;
  const values = [...(sample?.values ?? [])].sort((a, b) => a - b);
  const listed = values.join(", ");
  if (values.length === 0) return { scheme: fallback, note: `${name} holds numbers but no values to read yet: ${fallback} levels assumed; check the level scheme` };
  if (values.every((v) => PINO_STANDARD.has(v))) return { scheme: "pino", note: `${name} holds ${listed}: pino/bunyan levels (50 error, 60 fatal)` };
  if (values.every((v) => Number.isInteger(v) && v >= 0 && v <= 7)) return { scheme: "syslog", note: `${name} holds ${listed}: syslog severities (3 err, 0–2 fatal)` };
  return { scheme: fallback, note: `${name} holds ${listed}, which are neither pino/bunyan levels (10–60) nor syslog severities (0–7): ${fallback} assumed; choose the level scheme by hand` };
}

/** Every time after 1973 is over 1e11 as epoch milliseconds and under it as epoch seconds. */
const EPOCH_MILLIS_FLOOR = 1e11;

/**
 * Whether a numeric time field reads right. The engines run date_histogram on a long field as epoch
 * milliseconds and our range clauses are epoch milliseconds, so longs of epoch millis (pino's
 * `time`) work as they are. Epoch seconds do not, and fractions in a float lose whole minutes:
 * those need the field mapped as a date (format epoch_second) in the index template.
 */
export function numericTimeNote(name: string, types: string[], sample: ValueSample | undefined): { suitable: boolean; note: string } {
  const type = types.join(", ");
  const fix = `map ${name} as a date with format epoch_second in the index template`;
  if (!types.every((t) => INTEGER_TYPES.includes(t))) {
    return { suitable: false, note: `${name} is ${type}: epoch seconds with a fraction (zap's ts) cannot be read as time from a number field (a float keeps about 7 digits); ${fix}` };
  }
  const max = sample?.max ?? null;
  if (max !== null && max < EPOCH_MILLIS_FLOOR) return { suitable: false, note: `${name} holds epoch seconds (${type}), which the engines would read as milliseconds; ${fix}` };
  return { suitable: true, note: `${name} holds epoch milliseconds (${type}), read as time` };
}
