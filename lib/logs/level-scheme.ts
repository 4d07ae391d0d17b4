/**
 * How a log's level field says how severe a line is, and how to ask the engine for a severity.
 * - names: words, compared case-insensitively across the common vocabularies (ERROR, err, crit…);
 * - pino: pino's and bunyan's numbers, 10 trace … 60 fatal; other numbers count in the range below
 *   the next standard one (a custom 55 is an error);
 * - syslog: RFC 5424 severities, 0 emerg … 7 debug. Emerg, alert and crit (0–2) are FATAL, err (3) ERROR.
 */
import type { LevelScheme } from "@/lib/schemas/field-mapping";

export const LEVEL_SCHEME_LABELS: Record<LevelScheme, string> = {
  names: "names (ERROR, warn, Info, … any case)",
  pino: "pino / bunyan numbers (10 trace … 50 error, 60 fatal)",
  syslog: "syslog numbers (0 emerg … 3 err … 7 debug)",
};

/** Severity classes, most severe first. The overview's error lines are `error` and `fatal`. */
export const LEVEL_CLASSES = ["fatal", "error", "warn", "notice", "info", "debug", "trace"] as const;
export type LevelClass = (typeof LEVEL_CLASSES)[number];

/** What loggers write for each class: log4j, pino, bunyan, winston, zap, logrus, syslog, OpenTelemetry. */
const CLASS_NAMES: Record<LevelClass, readonly string[]> = {
  fatal: ["fatal", "critical", "crit", "emerg", "emergency", "alert", "panic", "dpanic"],
  error: ["error", "err"],
  warn: ["warn", "warning"],
  notice: ["notice"],
  info: ["info", "informational"],
  debug: ["debug"],
  trace: ["trace"],
};
const CLASS_BY_NAME = new Map(LEVEL_CLASSES.flatMap((cls) => CLASS_NAMES[cls].map((name) => [name, cls] as const)));

/** pino/bunyan: [from, to) per class; notice has no pino level. */
const PINO_RANGES: Partial<Record<LevelClass, { gte?: number; lt?: number }>> = {
  trace: { lt: 20 },
  debug: { gte: 20, lt: 30 },
  info: { gte: 30, lt: 40 },
  warn: { gte: 40, lt: 50 },
  error: { gte: 50, lt: 60 },
  fatal: { gte: 60 },
};
const PINO_NAMES: Record<number, LevelClass> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/** syslog severities by number; a name given here stands for its number alone ("crit" is 2, "fatal" is 0–2). */
const SYSLOG = [
  { value: 0, name: "emerg", cls: "fatal", aliases: ["emergency", "panic"] },
  { value: 1, name: "alert", cls: "fatal", aliases: [] },
  { value: 2, name: "crit", cls: "fatal", aliases: ["critical"] },
  { value: 3, name: "err", cls: "error", aliases: ["error"] },
  { value: 4, name: "warning", cls: "warn", aliases: ["warn"] },
  { value: 5, name: "notice", cls: "notice", aliases: [] },
  { value: 6, name: "info", cls: "info", aliases: ["informational"] },
  { value: 7, name: "debug", cls: "debug", aliases: [] },
] as const satisfies ReadonlyArray<{ value: number; name: string; cls: LevelClass; aliases: readonly string[] }>;
const SYSLOG_BY_NAME = new Map<string, number>(SYSLOG.flatMap((s) => [s.name, ...s.aliases].map((name) => [name, s.value] as const)));

const caseVariants = (name: string) => [name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1)];

function toNumber(value: unknown): number | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "number") return Number.isFinite(first) ? first : null;
  return typeof first === "string" && /^-?\d+(\.\d+)?$/.test(first.trim()) ? Number(first) : null;
}

function pinoClass(level: number): LevelClass {
  return (Object.entries(PINO_RANGES) as Array<[LevelClass, { gte?: number; lt?: number }]>).find(([, r]) => (r.gte === undefined || level >= r.gte) && (r.lt === undefined || level < r.lt))![0];
}

/** The class of a stored level value; null when the scheme does not know it. */
export function levelClassOf(value: unknown, scheme: LevelScheme): LevelClass | null {
  if (scheme !== "names") {
    const level = toNumber(value);
    if (level !== null) return scheme === "pino" ? pinoClass(level) : (SYSLOG.find((s) => s.value === level)?.cls ?? null);
  }
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? (CLASS_BY_NAME.get(first.trim().toLowerCase()) ?? null) : null;
}

/** ERROR and FATAL lines are what the overview counts and the drilldown marks as failed. */
export function isErrorLevel(value: unknown, scheme: LevelScheme): boolean {
  const cls = levelClassOf(value, scheme);
  return cls === "error" || cls === "fatal";
}

/** A stored value as people read it: names as logged, pino 50 as "error", syslog 3 as "err". */
export function levelName(value: unknown, scheme: LevelScheme): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return null;
  const level = scheme === "names" ? null : toNumber(first);
  if (level !== null && scheme === "pino") return PINO_NAMES[level] ?? pinoClass(level);
  if (level !== null && scheme === "syslog") return SYSLOG.find((s) => s.value === level)?.name ?? String(level);
  return typeof first === "string" ? first : String(first);
}

/** Level names for a top-values list of the level field; names as logged need none. */
export function levelLabeller(mapping: { levelScheme: LevelScheme }): ((key: string | number) => string | null) | undefined {
  return mapping.levelScheme === "names" ? undefined : (key) => levelName(key, mapping.levelScheme);
}

/** A query clause matching lines of the given classes under the scheme; null when none of them exists in it. */
export function levelClassClause(field: string, scheme: LevelScheme, classes: readonly LevelClass[]): Record<string, unknown> | null {
  if (scheme === "names") return { terms: { [field]: classes.flatMap((cls) => CLASS_NAMES[cls].flatMap(caseVariants)) } };
  if (scheme === "syslog") {
    const values = SYSLOG.filter((s) => classes.includes(s.cls)).map((s) => s.value);
    return values.length > 0 ? { terms: { [field]: values } } : null;
  }
  return anyOf(mergeRanges(classes.flatMap((cls) => (PINO_RANGES[cls] ? [PINO_RANGES[cls]] : []))).map((range) => ({ range: { [field]: range } })));
}

export type LevelFilter = { ok: true; clause: Record<string, unknown> } | { ok: false; unknown: string[]; message: string };

/**
 * The explorer's level filter: each level the user typed, under the mapping's scheme. Names of a
 * class find the whole class (`error` finds ERROR, err and Error; under pino, 50–59); numbers find
 * themselves; a name the numeric scheme has no number for is refused, so a typo never reads as "no lines".
 */
export function levelFilter(field: string, scheme: LevelScheme, typed: readonly string[]): LevelFilter {
  const names: string[] = [];
  const numbers: number[] = [];
  const ranges: Array<{ gte?: number; lt?: number }> = [];
  const unknown: string[] = [];
  for (const raw of typed) {
    const lower = raw.trim().toLowerCase();
    const cls = CLASS_BY_NAME.get(lower);
    if (scheme === "names") {
      names.push(...(cls ? CLASS_NAMES[cls].flatMap(caseVariants) : [raw, raw.toUpperCase(), raw.toLowerCase()]));
      continue;
    }
    const number = toNumber(lower);
    if (number !== null) numbers.push(number);
    else if (scheme === "syslog" && SYSLOG_BY_NAME.has(lower)) numbers.push(SYSLOG_BY_NAME.get(lower)!);
    else if (scheme === "syslog" && cls && SYSLOG.some((s) => s.cls === cls)) numbers.push(...SYSLOG.filter((s) => s.cls === cls).map((s) => s.value));
    else if (scheme === "pino" && cls && PINO_RANGES[cls]) ranges.push(PINO_RANGES[cls]);
    else unknown.push(raw);
  }
  if (unknown.length > 0) {
    const known = scheme === "pino" ? "trace, debug, info, warn, error, fatal or a number such as 50" : "emerg, alert, crit, err, warning, notice, info, debug or a number from 0 to 7";
    return { ok: false, unknown, message: `${unknown.join(", ")} is not a level of the ${scheme} level scheme: use ${known}` };
  }
  const clauses: Record<string, unknown>[] = [];
  if (names.length > 0) clauses.push({ terms: { [field]: [...new Set(names)] } });
  if (numbers.length > 0) clauses.push({ terms: { [field]: [...new Set(numbers)] } });
  clauses.push(...mergeRanges(ranges).map((range) => ({ range: { [field]: range } })));
  return { ok: true, clause: anyOf(clauses) ?? { terms: { [field]: [] } } };
}

function anyOf(clauses: Record<string, unknown>[]): Record<string, unknown> | null {
  if (clauses.length <= 1) return clauses[0] ?? null;
  return { bool: { should: clauses, minimum_should_match: 1 } };
}

/** Adjacent or overlapping [gte, lt) ranges as one, so error + fatal under pino is one `gte: 50`. */
function mergeRanges(ranges: ReadonlyArray<{ gte?: number; lt?: number }>): Array<{ gte?: number; lt?: number }> {
  const sorted = [...ranges].sort((a, b) => (a.gte ?? -Infinity) - (b.gte ?? -Infinity));
  const merged: Array<{ gte?: number; lt?: number }> = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.lt === undefined || (range.gte ?? -Infinity) <= last.lt)) {
      last.lt = last.lt === undefined || range.lt === undefined ? undefined : Math.max(last.lt, range.lt);
      if (last.lt === undefined) delete last.lt;
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}
