import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { ApiTokenSummary, AuditEventSummary, CreatedApiToken, UserSummary } from "@/lib/schemas/admin";
import type { CreateApiTokenInput, CreateUserInput, UpdateUserInput } from "@/lib/schemas/auth";
import { fetchJson } from "./fetch-json";
import { sendJson } from "./send-json";

export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  tokens: () => [...adminKeys.all, "tokens"] as const,
  audit: () => [...adminKeys.all, "audit"] as const,
};

export const usersQueryOptions = () =>
  queryOptions({ queryKey: adminKeys.users(), queryFn: ({ signal }) => fetchJson<{ users: UserSummary[] }>("/api/users", undefined, signal) });
export const apiTokensQueryOptions = () =>
  queryOptions({ queryKey: adminKeys.tokens(), queryFn: ({ signal }) => fetchJson<{ tokens: ApiTokenSummary[] }>("/api/tokens", undefined, signal) });
export const auditQueryOptions = () =>
  queryOptions({ queryKey: adminKeys.audit(), queryFn: ({ signal }) => fetchJson<{ events: AuditEventSummary[] }>("/api/audit", new URLSearchParams({ limit: "200" }), signal) });

// Mutations refresh what they changed through the same keys the reads use; the audit log changes with every one.
const refresh = (queryClient: QueryClient, key: readonly unknown[]) => () =>
  Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: adminKeys.audit() })]);

export const createUserMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...adminKeys.users(), "create"],
    mutationFn: (input: CreateUserInput) => sendJson<UserSummary>("POST", "/api/users", input),
    onSuccess: refresh(queryClient, adminKeys.users()),
  });

export const updateUserMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...adminKeys.users(), "update"],
    mutationFn: ({ id, change }: { id: string; change: UpdateUserInput }) => sendJson<UserSummary>("PATCH", `/api/users/${encodeURIComponent(id)}`, change),
    onSettled: refresh(queryClient, adminKeys.users()),
  });

export const createApiTokenMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...adminKeys.tokens(), "create"],
    mutationFn: (input: CreateApiTokenInput) => sendJson<CreatedApiToken>("POST", "/api/tokens", input),
    onSuccess: refresh(queryClient, adminKeys.tokens()),
  });

export const revokeApiTokenMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...adminKeys.tokens(), "revoke"],
    mutationFn: (id: string) => sendJson<{ revoked: true }>("DELETE", `/api/tokens/${encodeURIComponent(id)}`),
    onSettled: refresh(queryClient, adminKeys.tokens()),
  });
