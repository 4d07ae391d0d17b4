import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "./fetch-json";

export interface UserRow { id: string; email: string; name: string; role: "viewer" | "editor" | "admin"; disabled: boolean; createdAt: string }
export interface ApiTokenRow { id: string; name: string; prefix: string; role: "viewer" | "editor" | "admin"; owner: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }
export interface AuditRow { id: string; createdAt: string; action: string; actorEmail: string | null; targetType: string | null; targetId: string | null; details: unknown; ip: string | null }

export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  tokens: () => [...adminKeys.all, "tokens"] as const,
  audit: () => [...adminKeys.all, "audit"] as const,
};

export const usersQueryOptions = () =>
  queryOptions({ queryKey: adminKeys.users(), queryFn: ({ signal }) => fetchJson<{ users: UserRow[] }>("/api/users", undefined, signal) });
export const apiTokensQueryOptions = () =>
  queryOptions({ queryKey: adminKeys.tokens(), queryFn: ({ signal }) => fetchJson<{ tokens: ApiTokenRow[] }>("/api/tokens", undefined, signal) });
export const auditQueryOptions = () =>
  queryOptions({ queryKey: adminKeys.audit(), queryFn: ({ signal }) => fetchJson<{ events: AuditRow[] }>("/api/audit", new URLSearchParams({ limit: "200" }), signal) });
