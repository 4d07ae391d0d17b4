import type { ExportFormat } from "@/lib/schemas/log-export";
import { readField, timeText } from "@/lib/requests/read-log-fields";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { levelName } from "./level-scheme";


export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: "application/x-ndjson; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** The CSV columns every export starts with; `columns` adds dotted field names after them. */
export const CSV_BASE_COLUMNS = ["timestamp", "service", "level", "message"] as const;

/** What ends an export early, written as its last line so a reader of the file sees it too. */
export type ExportTrailer = { kind: "truncated"; exported: number; total: number } | { kind: "error"; exported: number; total: number; message: string };

/** One redacted `_source` per line, exactly as stored (JSON escapes newlines, so a line is a line). */
export function ndjsonLine(source: Record<string, unknown>): string {
  return `${JSON.stringify(source)}\n`;
}

export function ndjsonTrailer(trailer: ExportTrailer): string {
  const note = trailer.kind === "truncated" ? { truncated: true, exported: trailer.exported, total: trailer.total } : { error: trailer.message, exported: trailer.exported, total: trailer.total };
  return `${JSON.stringify({ _triage: note })}\n`;
}

// Spreadsheets run cells starting with these as formulas (OWASP's CSV injection list).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: text cells that a spreadsheet would run as a formula get a leading `'`; cells
 * with quotes, commas or line breaks are quoted (RFC 4180). Objects are written as JSON.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export function csvHeader(columns: readonly string[]): string {
  return csvRow([...CSV_BASE_COLUMNS, ...columns]);
}

/** One line's cells: the mapped base columns as the table shows them (epoch times as ISO, level names), then each extra column read by its dotted name. */
export function csvValues(source: Record<string, unknown>, mapping: FieldMapping, columns: readonly string[]): unknown[] {
  const [time, service, level, message] = [mapping.timestamp, mapping.service, mapping.level, mapping.message].map((field) => firstValue(readField(source, field)));
  const base = [timeText(time), service, levelName(level, mapping.levelScheme), message];
  return [...base, ...columns.map((column) => readField(source, column))];
}

/** CSV has no comment syntax; the note is a last one-cell row (the X-Triage-Export-Truncated header says the same). */
export function csvTrailer(trailer: ExportTrailer): string {
  const text = trailer.kind === "truncated" ? `# truncated: exported ${trailer.exported} of ${trailer.total} lines` : `# error: export stopped after ${trailer.exported} of ${trailer.total} lines: ${trailer.message}`;
  return csvRow([text]);
}

function firstValue(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

/** triage-logs-20240501T100000Z-20240501T110000Z.csv: sortable, and safe in every file system. */
export function exportFileName(format: ExportFormat, from: Date, to: Date): string {
  const stamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  return `triage-logs-${stamp(from)}-${stamp(to)}.${format}`;
}
