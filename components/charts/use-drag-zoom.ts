"use client";

import { useRef, useState } from "react";
import type { MouseHandlerDataParam } from "recharts";

/** Bucket start times of the first and last bucket a drag covered, in either direction. */
export type ZoomHandler = (firstBucket: number, lastBucket: number) => void;

/**
 * Drag-to-zoom for Recharts charts whose rows carry a `time`: mouse down on one bucket, move,
 * release on another. Indexes (not labels) identify buckets, so it works on number and category axes.
 * The press is kept in a ref and nothing re-renders until the drag reaches another bucket, so a
 * plain click on a bar stays a click (a re-render between press and release would swallow it).
 */
export function useDragZoom(rows: ReadonlyArray<{ time: number }>, onZoom?: ZoomHandler) {
  const start = useRef<number | null>(null);
  const [area, setArea] = useState<{ x1: number; x2: number } | null>(null);
  const timeAt = (state: MouseHandlerDataParam) => {
    const index = Number(state.activeTooltipIndex);
    return Number.isInteger(index) ? rows[index]?.time : undefined;
  };
  const reset = () => {
    start.current = null;
    if (area) setArea(null);
  };
  const handlers = onZoom
    ? {
        onMouseDown: (state: MouseHandlerDataParam) => {
          start.current = timeAt(state) ?? null;
        },
        onMouseMove: (state: MouseHandlerDataParam) => {
          const time = timeAt(state);
          if (start.current === null || time === undefined) return;
          const next = time === start.current ? null : { x1: Math.min(start.current, time), x2: Math.max(start.current, time) };
          if (next?.x1 !== area?.x1 || next?.x2 !== area?.x2) setArea(next);
        },
        onMouseUp: () => {
          if (area) onZoom(area.x1, area.x2);
          reset();
        },
        onMouseLeave: reset,
      }
    : {};
  return { handlers, area };
}
