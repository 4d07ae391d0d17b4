"use client";

import type { RefObject } from "react";
import { useShortcuts } from "./shortcut-registry";

// Rows opt in with data-row; the current one carries data-row-current (styled, and focused so
// the focus ring shows where Enter will act). React never renders that attribute, so it stays put.
const ROW_SELECTOR = ":scope > tbody > tr[data-row]";

function rowsOf(table: HTMLElement | null): HTMLElement[] {
  return table ? [...table.querySelectorAll<HTMLElement>(ROW_SELECTOR)] : [];
}

function move(table: HTMLElement | null, step: 1 | -1): boolean {
  const rows = rowsOf(table);
  if (!rows.length) return false;
  const current = rows.findIndex((row) => row.dataset.rowCurrent === "true");
  const next = current < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + step));
  for (const row of rows) delete row.dataset.rowCurrent;
  const row = rows[next]!;
  row.dataset.rowCurrent = "true";
  row.tabIndex = -1;
  row.focus();
  row.scrollIntoView({ block: "nearest" });
  return true;
}

/** Enter acts on the current row only while it (or nothing) has focus: a focused link or button keeps its own Enter. */
function open(table: HTMLElement | null): boolean {
  const row = rowsOf(table).find((candidate) => candidate.dataset.rowCurrent === "true");
  const active = document.activeElement;
  if (!row || (active && active !== document.body && active !== row)) return false;
  // Never "the first button": in an admin table that could be Disable or Revoke.
  const control = row.querySelector<HTMLElement>("[data-row-open]") ?? row.querySelector<HTMLElement>("a[href]");
  if (!control) return false;
  control.click();
  return true;
}

/**
 * j / k move the selection through a table's rows, Enter opens the selected row (its
 * `[data-row-open]` control, else its first link), Esc calls `onClose` (an open row).
 */
export function useTableShortcuts(table: RefObject<HTMLTableElement | null>, options: { onClose?: () => boolean } = {}): void {
  useShortcuts([
    { key: "j", keys: "j / k", group: "Tables", description: "Move the selection down / up", scope: table, run: () => move(table.current, 1) },
    { key: "k", keys: "j / k", group: "Tables", description: "Move the selection down / up", scope: table, run: () => move(table.current, -1) },
    { key: "Enter", group: "Tables", description: "Open the selected row", scope: table, run: () => open(table.current) },
    { key: "Escape", keys: "Esc", group: "Tables", description: "Close the open row", scope: table, run: () => options.onClose?.() ?? false },
  ]);
}
