"use client";

import { useRef, type ComponentProps } from "react";
import { useTableShortcuts } from "./use-table-shortcuts";

/**
 * A <table> whose rows marked `data-row` take j / k / Enter: the one-line opt-in for a plain table.
 * It scrolls sideways inside its own box, so a phone never scrolls the page.
 */
export function KeyboardTable(props: ComponentProps<"table">) {
  const table = useRef<HTMLTableElement>(null);
  useTableShortcuts(table);
  return (
    <div className="table-scroll">
      <table ref={table} {...props} />
    </div>
  );
}
