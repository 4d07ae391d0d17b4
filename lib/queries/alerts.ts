import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { BacktestRange, BacktestResult } from "@/lib/schemas/alert-backtest";
import type { AlertRule, AlertRuleInput, AlertRulesDocument, UpdateAlertRuleInput } from "@/lib/schemas/alert-rule";
import type { AlertRuleDetail, AlertRulesList, AlertSilenceView, FiringAlerts, ImportResult, ListAlertRulesParams, SilenceInput } from "@/lib/schemas/alert-rule-api";
import type { ContactPoint, ContactPointInput, DeliveryResult, UpdateContactPointInput } from "@/lib/schemas/contact-point";
import { fetchJson } from "./fetch-json";
import { postJson, sendJson } from "./send-json";

export const alertKeys = {
  all: ["alerts"] as const,
  list: (params: ListAlertRulesParams) => [...alertKeys.all, "list", params] as const,
  detail: (id: string) => [...alertKeys.all, "detail", id] as const,
  firing: () => [...alertKeys.all, "firing"] as const,
  preview: (rule: unknown, range: BacktestRange) => [...alertKeys.all, "preview", range, rule] as const,
  contactPoints: () => [...alertKeys.all, "contact-points"] as const,
};

const ruleUrl = (id: string, rest = "") => `/api/alerts/${encodeURIComponent(id)}${rest}`;
const definedParams = (params: object) => new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));

export const alertRulesQueryOptions = (params: ListAlertRulesParams) =>
  queryOptions({ queryKey: alertKeys.list(params), queryFn: ({ signal }) => fetchJson<AlertRulesList>("/api/alerts", definedParams(params), signal), refetchInterval: 15_000 });

export const alertRuleQueryOptions = (id: string) =>
  queryOptions({ queryKey: alertKeys.detail(id), queryFn: ({ signal }) => fetchJson<AlertRuleDetail>(ruleUrl(id), undefined, signal), refetchInterval: 15_000 });

/** Firing and pending series for the overview (Postgres only, so it answers while the engine is down). */
export const firingAlertsQueryOptions = () =>
  queryOptions({ queryKey: alertKeys.firing(), queryFn: ({ signal }) => fetchJson<FiringAlerts>("/api/alerts/firing", undefined, signal), refetchInterval: 30_000, retry: false });

/** The backtest of a rule as the form holds it; the key is the rule itself, so an unchanged rule is not replayed twice. */
export const alertPreviewQueryOptions = (rule: AlertRuleInput, range: BacktestRange, at?: string | null) =>
  queryOptions({ queryKey: [...alertKeys.preview(rule, range), at ?? "now"], queryFn: () => postJson<BacktestResult>("/api/alerts/preview", at ? { rule, range, at } : { rule, range }), staleTime: 60_000, retry: false });

export const contactPointsQueryOptions = () =>
  queryOptions({ queryKey: alertKeys.contactPoints(), queryFn: ({ signal }) => fetchJson<{ contactPoints: ContactPoint[] }>("/api/contact-points", undefined, signal) });

const refresh = (queryClient: QueryClient) => () => queryClient.invalidateQueries({ queryKey: alertKeys.all });

export const createAlertRuleMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...alertKeys.all, "create"], mutationFn: (rule: AlertRuleInput) => postJson<AlertRule>("/api/alerts", rule), onSuccess: refresh(queryClient) });

export const updateAlertRuleMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...alertKeys.all, "update"], mutationFn: ({ id, input }: { id: string; input: UpdateAlertRuleInput }) => sendJson<AlertRule>("PUT", ruleUrl(id), input), onSuccess: refresh(queryClient) });

export const setAlertRuleEnabledMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...alertKeys.all, "enabled"],
    mutationFn: ({ id, version, enabled }: { id: string; version: number; enabled: boolean }) => sendJson<AlertRule>("PUT", ruleUrl(id, "/enabled"), { version, enabled }),
    onSuccess: refresh(queryClient),
  });

export const duplicateAlertRuleMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...alertKeys.all, "duplicate"], mutationFn: (id: string) => postJson<AlertRule>(ruleUrl(id, "/duplicate"), {}), onSuccess: refresh(queryClient) });

export const deleteAlertRuleMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...alertKeys.all, "delete"],
    mutationFn: ({ id, version }: { id: string; version: number }) => sendJson<{ deleted: true }>("DELETE", ruleUrl(id, `?${new URLSearchParams({ version: String(version) })}`)),
    onSuccess: refresh(queryClient),
  });

export const silenceAlertRuleMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...alertKeys.all, "silence"], mutationFn: ({ id, input }: { id: string; input: SilenceInput }) => postJson<AlertSilenceView>(ruleUrl(id, "/silences"), input), onSuccess: refresh(queryClient) });

export const unsilenceAlertRuleMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...alertKeys.all, "unsilence"],
    mutationFn: ({ id, silence }: { id: string; silence: string }) => sendJson<{ deleted: true }>("DELETE", ruleUrl(id, `/silences?${new URLSearchParams({ silence })}`)),
    onSuccess: refresh(queryClient),
  });

export const exportAlertRules = () => fetchJson<AlertRulesDocument>("/api/alerts/export", undefined);

export const importAlertRulesMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...alertKeys.all, "import"], mutationFn: (document: unknown) => postJson<ImportResult>("/api/alerts/import", document), onSuccess: refresh(queryClient) });

export const createContactPointMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: [...alertKeys.all, "contact-point-create"], mutationFn: (input: ContactPointInput) => postJson<ContactPoint>("/api/contact-points", input), onSuccess: refresh(queryClient) });

export const updateContactPointMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...alertKeys.all, "contact-point-update"],
    mutationFn: ({ id, input }: { id: string; input: UpdateContactPointInput }) => sendJson<ContactPoint>("PUT", `/api/contact-points/${encodeURIComponent(id)}`, input),
    onSuccess: refresh(queryClient),
  });

export const deleteContactPointMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...alertKeys.all, "contact-point-delete"],
    mutationFn: ({ id, version }: { id: string; version: number }) => sendJson<{ deleted: true }>("DELETE", `/api/contact-points/${encodeURIComponent(id)}?${new URLSearchParams({ version: String(version) })}`),
    onSuccess: refresh(queryClient),
  });

export const testContactPointMutationOptions = () =>
  mutationOptions({ mutationKey: [...alertKeys.all, "contact-point-test"], mutationFn: (id: string) => postJson<DeliveryResult>(`/api/contact-points/${encodeURIComponent(id)}/test`, {}) });
