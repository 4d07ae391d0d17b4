/**
 * Parses the time expressions users know from Kibana: "now", "now-15m", "now-1d/d",
 * "now/h+30m", and absolute ISO dates. Pure: "now" is passed in, so tests and shared
 * links resolve the same way.
 */
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
type Unit = keyof typeof UNIT_MS | "M" | "y";

const RELATIVE = /^now((?:[+-]\d+[smhdwMy]|\/[smhdwMy])*)$/;
const STEP = /([+-])(\d+)([smhdwMy])|\/([smhdwMy])/g;

export type ParseResult = { ok: true; date: Date } | { ok: false; message: string };

export function parseTimeExpression(input: string, now: Date): ParseResult {
  const text = input.trim();
  if (text === "") return { ok: false, message: "time is empty" };
  const relative = RELATIVE.exec(text);
  if (relative) return { ok: true, date: applySteps(now, relative[1] ?? "") };
  // Absolute: ISO 8601 with a date part; a bare number is treated as epoch milliseconds.
  if (/^\d{10,13}$/.test(text)) return { ok: true, date: new Date(Number(text)) };
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const date = new Date(text);
    if (!Number.isNaN(date.getTime())) return { ok: true, date };
  }
  return { ok: false, message: `"${truncate(text)}" is not a time: use an ISO date (2026-11-25T10:00:00Z) or a relative expression such as now-15m` };
}

export function isRelativeExpression(input: string): boolean {
  return RELATIVE.test(input.trim());
}

function applySteps(now: Date, steps: string): Date {
  let date = new Date(now.getTime());
  for (const match of steps.matchAll(STEP)) {
    const [, sign, amount, unit, roundUnit] = match;
    if (roundUnit) date = roundDown(date, roundUnit as Unit);
    else date = shift(date, (sign === "-" ? -1 : 1) * Number(amount), unit as Unit);
  }
  return date;
}

function shift(date: Date, amount: number, unit: Unit): Date {
  const next = new Date(date.getTime());
  if (unit === "M") next.setUTCMonth(next.getUTCMonth() + amount);
  else if (unit === "y") next.setUTCFullYear(next.getUTCFullYear() + amount);
  else next.setTime(next.getTime() + amount * UNIT_MS[unit]);
  return next;
}

// Rounding is in UTC so a shared link means the same instant for every reader.
function roundDown(date: Date, unit: Unit): Date {
  const d = new Date(date.getTime());
  switch (unit) {
    case "y": d.setUTCMonth(0, 1); d.setUTCHours(0, 0, 0, 0); break;
    case "M": d.setUTCDate(1); d.setUTCHours(0, 0, 0, 0); break;
    case "w": { const day = (d.getUTCDay() + 6) % 7; d.setUTCDate(d.getUTCDate() - day); d.setUTCHours(0, 0, 0, 0); break; }
    case "d": d.setUTCHours(0, 0, 0, 0); break;
    case "h": d.setUTCMinutes(0, 0, 0); break;
    case "m": d.setUTCSeconds(0, 0); break;
    case "s": d.setUTCMilliseconds(0); break;
  }
  return d;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
