"use client";

import { useQuery } from "@tanstack/react-query";
import { healthQueryOptions } from "@/lib/queries/health";

export function EngineBadge() {
  const { data } = useQuery(healthQueryOptions());
  if (!data?.search.ok) return null;
  const name = data.search.engine === "opensearch" ? "OpenSearch" : "Elasticsearch";
  return <span className="badge" title={data.search.url}>{name} {data.search.version}</span>;
}
