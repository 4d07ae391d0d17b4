import { queryOptions } from "@tanstack/react-query";
import type { LogSettingsResponse } from "@/lib/schemas/log-settings";
import { fetchJson } from "./fetch-json";

export const settingsKeys = {
  all: ["settings"] as const,
  logs: () => [...settingsKeys.all, "logs"] as const,
};

export function logSettingsQueryOptions() {
  return queryOptions({ queryKey: settingsKeys.logs(), queryFn: ({ signal }) => fetchJson<LogSettingsResponse>("/api/settings/logs", undefined, signal) });
}
