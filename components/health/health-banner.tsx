"use client";

import { useQuery } from "@tanstack/react-query";
import { healthQueryOptions } from "@/lib/queries/health";

/** Names what is down and why, on every page, so an outage is never a blank screen. */
export function HealthBanner() {
  const { data, error } = useQuery(healthQueryOptions());
  const problems: string[] = [];
  if (error) problems.push(error.message);
  if (data && !data.postgres.ok) problems.push(`Postgres is down: ${data.postgres.message ?? "no answer"}`);
  if (data && !data.search.ok) problems.push(`Search engine is down: ${data.search.message ?? "no answer"}`);
  if (problems.length === 0) return null;
  return (
    <div className="banner banner-danger" role="alert" data-testid="health-banner">
      {problems.map((problem) => (
        <p key={problem}>{problem}</p>
      ))}
    </div>
  );
}
