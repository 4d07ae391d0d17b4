"use client";

import { MultiSelectFilter } from "./multi-select-filter";

export interface OverviewFiltersProps {
  available: { services: string[]; environments: string[] };
  service: string[];
  environment: string[];
  onChange: (change: { service?: string[]; environment?: string[] }) => void;
}

/** Service and environment filters; the choices come from the whole range, so picking one keeps the others listed. */
export function OverviewFilters({ available, service, environment, onChange }: OverviewFiltersProps) {
  return (
    <div className="ov-filters" role="group" aria-label="Filters">
      <MultiSelectFilter label="Services" options={available.services} selected={service} onChange={(value) => onChange({ service: value })} />
      <MultiSelectFilter label="Environments" options={available.environments} selected={environment} onChange={(value) => onChange({ environment: value })} />
    </div>
  );
}
