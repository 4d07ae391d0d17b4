"use client";

import { useRef, type ComponentProps } from "react";
import { useTableShortcuts } from "./use-table-shortcuts";

/** A <table> whose rows marked `data-row` take j / k / Enter: the one-line opt-in for a plain table. */
export function KeyboardTable(props: ComponentProps<"table">) {
  const table = useRef<HTMLTableElement>(null);
  useTableShortcuts(table);
  return <table ref={table} {...props} />;
}
