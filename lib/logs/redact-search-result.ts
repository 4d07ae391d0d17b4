import { redactDocument, redactionMarker, redactText, secretFieldRule, type RedactionRule } from "./redact";

/**
 * The one place engine answers are redacted: every hit's source and every aggregation value,
 * before any verb shapes them. Aggregation keys are redacted by the field they were counted on,
 * read from the request body, so a terms key of a secret field is a marker and a url.query key
 * loses its api_key; anything this module does not recognise is still redacted as a document.
 */

interface EngineHit {
  _source: Record<string, unknown>;
  highlight?: Record<string, string[]>;
  fields?: Record<string, unknown>;
}

/** A hit whose source has been redacted, with the number of secrets taken out of it. */
export type RedactedHit<H> = H & { redactions: number };

export type RedactedResult<R extends { hits: EngineHit[] }> = Omit<R, "hits"> & { hits: RedactedHit<R["hits"][number]>[] };

// Their keys are the intervals, ranges and filter names we asked for, not values from documents.
const OWN_KEY_TYPES = new Set(["date_histogram", "histogram", "auto_date_histogram", "range", "date_range", "ip_range", "filters", "adjacency_matrix"]);
// Buckets without keys of their own; with OWN_KEY_TYPES and nothing keyed by data below, a subtree holds only counts.
const COUNT_ONLY_TYPES = new Set([...OWN_KEY_TYPES, "filter", "global", "missing", "nested", "reverse_nested"]);
const COUNT_KEYS = new Set(["doc_count", "doc_count_error_upper_bound", "sum_other_doc_count", "bg_count", "score"]);
const DEFINITION_KEYS = new Set(["aggs", "aggregations", "meta"]);
// Hit metadata the engine adds; sort values must stay raw for search_after (we sort by time and _shard_doc only).
const HIT_METADATA = new Set(["_index", "_id", "_score", "sort", "_routing", "_seq_no", "_primary_term", "_version", "_ignored", "_shard", "_node", "_nested"]);

type Definitions = Record<string, Record<string, unknown>>;

class ResultRedactor {
  private readonly memo = new Map<string, string>();
  private readonly secretFields = new Map<string, string | null>();
  constructor(private readonly rules: readonly RedactionRule[]) {}

  hit<H extends EngineHit>(hit: H): RedactedHit<H> {
    let redactions = 0;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(hit)) {
      if (HIT_METADATA.has(key)) out[key] = value;
      else if (key === "_source") {
        const redacted = redactDocument(value, this.rules);
        redactions += redacted.redactedCount;
        out[key] = redacted.value;
      } else if (key === "highlight" && isRecord(value)) {
        // The engine's <em> tags would split a secret from its name ("password: <em>x</em>"), so they go first.
        out[key] = mapEntries(value, (field, fragments) => this.value(field, Array.isArray(fragments) ? fragments.map((text) => String(text).replace(/<\/?em>/g, "")) : fragments));
      } else if (key === "fields" && isRecord(value)) {
        out[key] = mapEntries(value, (field, values) => this.value(field, values));
      } else out[key] = redactDocument(value, this.rules).value;
    }
    return { ...(out as H), redactions };
  }

  aggregations(definitions: Definitions, aggregations: Record<string, unknown>): Record<string, unknown> {
    return this.children(definitions, aggregations, (key, value) => redactDocument(value, this.rules).value);
  }

  /** Sub-aggregations by their definitions; every other property through `other`. */
  private children(definitions: Definitions, node: Record<string, unknown>, other: (key: string, value: unknown) => unknown) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const definition = definitions[key];
      out[key] = definition && isRecord(value) ? this.aggregation(definition, value) : other(key, value);
    }
    return out;
  }

  private aggregation(definition: Record<string, unknown>, node: Record<string, unknown>): Record<string, unknown> {
    const { countsOnly, type, field, compositeFields, subDefinitions } = planOf(definition);
    // Histograms of filters of counts (most of the overview) hold no log content: nothing to copy.
    if (countsOnly) return node;
    const key = (value: unknown) => (compositeFields ? this.compositeKey(compositeFields, value) : this.value(field, value));
    const bucket = (value: unknown) => {
      if (!isRecord(value)) return this.value(field, value);
      return this.children(subDefinitions, value, (name, child) => {
        if (COUNT_KEYS.has(name)) return child;
        if (OWN_KEY_TYPES.has(type) && (name === "key" || name === "key_as_string" || /^(from|to)(_as_string)?$/.test(name))) return child;
        return name === "key" ? key(child) : this.value(field, child);
      });
    };
    return this.children(subDefinitions, node, (name, value) => {
      if (COUNT_KEYS.has(name)) return value;
      if (name === "buckets") return Array.isArray(value) ? value.map(bucket) : isRecord(value) ? mapValues(value, bucket) : this.value(field, value);
      if (name === "after_key") return key(value);
      if (name === "hits" && type === "top_hits" && isRecord(value) && Array.isArray(value.hits)) return { ...value, hits: (value.hits as EngineHit[]).map((hit) => this.hit(hit)) };
      return this.value(field, value);
    });
  }

  private compositeKey(fields: Record<string, string>, value: unknown): unknown {
    if (!isRecord(value)) return this.value("", value);
    return Object.fromEntries(Object.entries(value).map(([source, part]) => [source, this.value(fields[source] ?? "", part)]));
  }

  /** One value read from `field` (empty when unknown): the marker for a secret field, else redacted as a document. */
  private value(field: string, value: unknown): unknown {
    if (field && value !== null && value !== "" && typeof value !== "boolean") {
      let rule = this.secretFields.get(field);
      if (rule === undefined) this.secretFields.set(field, (rule = secretFieldRule(field, this.rules)));
      if (rule !== null) return redactionMarker(rule);
    }
    if (typeof value !== "string") return redactDocument(value, this.rules).value;
    // Keys repeat (every path under every method, and again in the composite): each is redacted once.
    let redacted = this.memo.get(value);
    if (redacted === undefined) this.memo.set(value, (redacted = redactText(value, this.rules).value));
    return redacted;
  }
}

/** A redacted copy of one search answer; `body` is the search it answers (for the aggregations' fields). */
export function redactSearchResult<R extends { hits: EngineHit[]; aggregations?: Record<string, unknown> }>(
  body: Record<string, unknown>,
  result: R,
  rules: readonly RedactionRule[],
): RedactedResult<R> {
  if (rules.length === 0) return { ...result, hits: result.hits.map((hit) => ({ ...hit, redactions: 0 })) };
  const redactor = new ResultRedactor(rules);
  const hits = result.hits.map((hit) => redactor.hit(hit));
  if (!result.aggregations) return { ...result, hits };
  return { ...result, hits, aggregations: redactor.aggregations(subAggregations(body), result.aggregations) };
}

interface AggregationPlan {
  type: string;
  /** The field its keys come from ("" when none or several). */
  field: string;
  compositeFields: Record<string, string> | null;
  subDefinitions: Definitions;
  countsOnly: boolean;
}

// Worked out once per definition, not once per bucket (the overview has thousands).
const plans = new WeakMap<object, AggregationPlan>();

function planOf(definition: Record<string, unknown>): AggregationPlan {
  let plan = plans.get(definition);
  if (plan) return plan;
  const type = Object.keys(definition).find((key) => !DEFINITION_KEYS.has(key)) ?? "";
  const config = isRecord(definition[type]) ? definition[type] : {};
  const subDefinitions = subAggregations(definition);
  const countsOnly = COUNT_ONLY_TYPES.has(type) && Object.values(subDefinitions).every((sub) => planOf(sub).countsOnly);
  plan = { type, field: typeof config.field === "string" ? config.field : "", compositeFields: type === "composite" ? compositeSourceFields(config) : null, subDefinitions, countsOnly };
  plans.set(definition, plan);
  return plan;
}

function subAggregations(definition: Record<string, unknown>): Definitions {
  const aggs = definition.aggs ?? definition.aggregations;
  return isRecord(aggs) ? (aggs as Definitions) : {};
}

/** composite.sources: [{ name: { terms: { field } } }] -> name -> field. */
function compositeSourceFields(config: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const source of Array.isArray(config.sources) ? config.sources : []) {
    for (const [name, spec] of Object.entries(isRecord(source) ? source : {})) {
      const inner = isRecord(spec) ? Object.values(spec)[0] : undefined;
      if (isRecord(inner) && typeof inner.field === "string") fields[name] = inner.field;
    }
  }
  return fields;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mapEntries(record: Record<string, unknown>, map: (key: string, value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(key, value)]));
}

function mapValues(record: Record<string, unknown>, map: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
