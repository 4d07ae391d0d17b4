"use client";

import { useEffect, useRef, useState, type ComponentProps, type RefObject } from "react";
import { useTableShortcuts } from "./use-table-shortcuts";

/**
 * A <table> whose rows marked `data-row` take j / k / Enter: the one-line opt-in for a plain table.
 * It scrolls sideways inside its own box, so a phone never scrolls the page; while it does, the
 * box is a named tab stop, so a keyboard can scroll it too (WCAG's scrollable-region-focusable).
 */
export function KeyboardTable(props: ComponentProps<"table">) {
  const table = useRef<HTMLTableElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(box);
  useTableShortcuts(table);
  return (
    <div ref={box} className="table-scroll" {...(scrolls ? { tabIndex: 0, role: "group", "aria-label": props["aria-label"] ?? "Table (scrolls sideways)" } : {})}>
      <table ref={table} {...props} />
    </div>
  );
}

/** Whether the box's content is wider than the box, kept current as either is resized. */
function useScrollsSideways(box: RefObject<HTMLDivElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [box]);
  return scrolls;
}
