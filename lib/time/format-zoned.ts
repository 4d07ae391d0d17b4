import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

/**
 * Clock and date text in UTC or in the browser's zone. UTC reads straight from the ISO string;
 * browser time uses the Date's local getters, so both are 24-hour and zero-padded.
 */
export function formatClock(epochMs: number, zone: TimeZoneMode, withSeconds = false): string {
  const parts = dateParts(epochMs, zone);
  return withSeconds ? `${parts.hh}:${parts.mi}:${parts.ss}` : `${parts.hh}:${parts.mi}`;
}

export function formatDateTimeIn(epochMs: number, zone: TimeZoneMode, withSeconds = false): string {
  const parts = dateParts(epochMs, zone);
  return `${parts.yyyy}-${parts.mm}-${parts.dd} ${formatClock(epochMs, zone, withSeconds)}`;
}

/** "UTC", or the browser's IANA zone name ("Europe/Berlin"). Call on the client only. */
export function timeZoneLabel(zone: TimeZoneMode): string {
  if (zone === "utc") return "UTC";
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "browser time";
}

/** A range as "2026-11-25 09:52 → 10:07 UTC", the date repeated only when it changes. */
export function formatRangeIn(fromMs: number, toMs: number, zone: TimeZoneMode, label = timeZoneLabel(zone)): string {
  const from = formatDateTimeIn(fromMs, zone, true);
  const to = formatDateTimeIn(toMs, zone, true);
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return `${from} → ${sameDay ? to.slice(11) : to} ${label}`;
}

function dateParts(epochMs: number, zone: TimeZoneMode) {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, "0");
  if (zone === "utc") {
    const iso = date.toISOString();
    return { yyyy: iso.slice(0, 4), mm: iso.slice(5, 7), dd: iso.slice(8, 10), hh: iso.slice(11, 13), mi: iso.slice(14, 16), ss: iso.slice(17, 19) };
  }
  return {
    yyyy: String(date.getFullYear()),
    mm: pad(date.getMonth() + 1),
    dd: pad(date.getDate()),
    hh: pad(date.getHours()),
    mi: pad(date.getMinutes()),
    ss: pad(date.getSeconds()),
  };
}
