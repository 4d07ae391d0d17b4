"use client";

import { useQuery } from "@tanstack/react-query";
import { logSourcesQueryOptions } from "@/lib/queries/sources";

/**
 * Which source the explorer reads. One at a time: sources sort by different time fields, so one
 * merged table could not be paged exactly. Hidden while there is only one source to read.
 */
export function SourcePicker({ value, onChange }: { value: string | null; onChange: (source: string) => void }) {
  const sources = useQuery(logSourcesQueryOptions()).data?.sources.filter((source) => source.enabled) ?? [];
  if (sources.length < 2) return null;
  return (
    <label className="lx-control">
      Source{" "}
      <select value={value ?? sources[0]!.name} onChange={(event) => onChange(event.target.value)} data-testid="source-picker">
        {sources.map((source) => (
          <option key={source.id} value={source.name}>
            {source.name} ({source.indexPattern})
          </option>
        ))}
      </select>
    </label>
  );
}
