/**
 * PostgreSQL server log lines as `log_min_duration_statement` and `auto_explain` write them, with
 * whatever `log_line_prefix` the server uses (the default `%m [%p] ` gives time and process id):
 *   `2026-12-01 14:03:11.120 UTC [4242] LOG:  duration: 1503.412 ms  statement: SELECT …`
 *   `… LOG:  duration: 2.1 ms  execute <unnamed>: SELECT … WHERE id = $1`
 *   `… DETAIL:  parameters: $1 = '42', $2 = NULL`
 *   `… LOG:  duration: 1503.9 ms  plan:\n\tQuery Text: SELECT …\n\tSeq Scan on orders …`
 */
export type ServerLogLine =
  | { kind: "statement" | "execute"; pid: string | null; durationMs: number; statement: string }
  | { kind: "plan"; pid: string | null; durationMs: number; statement: string | null }
  /** parse and bind steps of the extended protocol: parts of a run, not runs. */
  | { kind: "step"; pid: string | null; durationMs: number }
  | { kind: "parameters"; pid: string | null; values: string[] };

const DURATION_LINE = /(?:^|\s)LOG:\s+duration: (\d+(?:\.\d+)?) ms\s+(statement|execute [^:]*|plan|parse [^:]*|bind [^:]*):\s?([\s\S]*)$/;
const PARAMETERS_LINE = /(?:^|\s)DETAIL:\s+parameters: ([\s\S]*)$/;
const PID = /\[(\d+)\]/;
// The text plan's first node line carries its cost (or its actual time when costs are off).
const QUERY_TEXT = /Query Text: ([\s\S]*?)(?=\n[^\n]*\((?:cost|actual)[= ]|$)/;
const JSON_QUERY_TEXT = /"Query Text": "((?:[^"\\]|\\.)*)"/;

/** One server line read, or null when it is not one of the lines above. */
export function parseServerLogLine(message: string): ServerLogLine | null {
  const pid = PID.exec(message.slice(0, 200))?.[1] ?? null;
  const duration = DURATION_LINE.exec(message);
  if (duration) {
    const durationMs = Number(duration[1]);
    const step = duration[2]!;
    const text = duration[3]!.trim();
    if (step === "statement" || step.startsWith("execute")) return { kind: step === "statement" ? "statement" : "execute", pid, durationMs, statement: text };
    if (step === "plan") return { kind: "plan", pid, durationMs, statement: planQueryText(text) };
    return { kind: "step", pid, durationMs };
  }
  const parameters = PARAMETERS_LINE.exec(message);
  if (parameters) return { kind: "parameters", pid, values: parseParameterList(parameters[1]!) };
  return null;
}

/** auto_explain puts the statement in the plan: `Query Text: …` (text format) or `"Query Text": "…"` (JSON). */
function planQueryText(plan: string): string | null {
  const json = JSON_QUERY_TEXT.exec(plan);
  if (json) {
    try {
      return (JSON.parse(`"${json[1]}"`) as string).trim();
    } catch {
      return null;
    }
  }
  const text = QUERY_TEXT.exec(plan);
  return text ? text[1]!.trim() : null;
}

/** `$1 = 'it''s', $2 = NULL, $3 = '7'` as SQL literals in parameter order (`$n` numbering kept). */
export function parseParameterList(text: string): string[] {
  const values: string[] = [];
  const item = /\s*\$(\d+)\s*=\s*('(?:[^']|'')*'|NULL)\s*(?:,|$)/y;
  let at = 0;
  while (at < text.length) {
    item.lastIndex = at;
    const match = item.exec(text);
    if (!match) break;
    values[Number(match[1]) - 1] = match[2]!;
    at = item.lastIndex;
  }
  return values;
}

export interface ServerLogEntry {
  /** An id of the line (the engine's document id), kept so samples point back to it. */
  id: string;
  timestamp: number;
  message: string;
}

export interface ServerLogRun {
  id: string;
  timestamp: number;
  pid: string | null;
  durationMs: number;
  statement: string;
  /** From the DETAIL line that followed an `execute`; undefined when none was logged. */
  parameters?: string[];
}

/** Within this much of a statement line, an auto_explain plan of the same process and text is the same run. */
const SAME_RUN_MS = 2_000;

/**
 * Runs from server lines in any order: an `execute` takes the `DETAIL: parameters` line its process
 * logged next, and an auto_explain `plan:` of a run already logged as a statement is not counted again.
 */
export function collectServerLogRuns(entries: readonly ServerLogEntry[]): ServerLogRun[] {
  const parsed = entries
    .map((entry, order) => ({ entry, order, line: parseServerLogLine(entry.message) }))
    .filter((row) => row.line !== null)
    .sort((a, b) => a.entry.timestamp - b.entry.timestamp || a.order - b.order);
  const runs: ServerLogRun[] = [];
  const pendingExecute = new Map<string, ServerLogRun>();
  const plans: { run: ServerLogRun }[] = [];
  for (const { entry, line } of parsed) {
    const pid = line!.pid ?? "";
    if (line!.kind === "statement" || line!.kind === "execute") {
      const run: ServerLogRun = { id: entry.id, timestamp: entry.timestamp, pid: line!.pid, durationMs: line!.durationMs, statement: line!.statement };
      runs.push(run);
      if (line!.kind === "execute") pendingExecute.set(pid, run);
      else pendingExecute.delete(pid);
    } else if (line!.kind === "parameters") {
      const run = pendingExecute.get(pid);
      if (run && run.parameters === undefined) run.parameters = line!.values;
      pendingExecute.delete(pid);
    } else if (line!.kind === "plan" && line!.statement) {
      plans.push({ run: { id: entry.id, timestamp: entry.timestamp, pid: line!.pid, durationMs: line!.durationMs, statement: line!.statement } });
    }
  }
  const logged = runs.slice();
  for (const { run } of plans) {
    const twin = logged.findIndex((other) => other.pid === run.pid && other.statement === run.statement && Math.abs(other.timestamp - run.timestamp) <= SAME_RUN_MS);
    if (twin < 0) runs.push(run);
    else logged.splice(twin, 1);
  }
  return runs.sort((a, b) => a.timestamp - b.timestamp);
}
