"use client";

import { MultiSelectFilter } from "./multi-select-filter";

export interface OverviewFiltersProps {
  available: { services: string[]; environments: string[]; sources: string[] };
  service: string[];
  environment: string[];
  source: string[];
  onChange: (change: { service?: string[]; environment?: string[]; source?: string[] }) => void;
}

/**
 * Source, service and environment filters; the choices come from the whole range, so picking one
 * keeps the others listed. The source filter shows once there is more than one source to pick.
 */
export function OverviewFilters({ available, service, environment, source, onChange }: OverviewFiltersProps) {
  return (
    <div className="ov-filters" role="group" aria-label="Filters">
      {available.sources.length > 1 || source.length > 0 ? <MultiSelectFilter label="Sources" options={available.sources} selected={source} onChange={(value) => onChange({ source: value })} /> : null}
      <MultiSelectFilter label="Services" options={available.services} selected={service} onChange={(value) => onChange({ service: value })} />
      <MultiSelectFilter label="Environments" options={available.environments} selected={environment} onChange={(value) => onChange({ environment: value })} />
    </div>
  );
}
