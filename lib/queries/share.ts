import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { CreateShareLinkInput, ShareLinkSummary, SharedViewResponse } from "@/lib/schemas/share-link";
import { fetchJson } from "./fetch-json";
import { sendJson } from "./send-json";

export const shareKeys = {
  all: ["share-links"] as const,
  list: (all: boolean) => [...shareKeys.all, "list", all] as const,
  shared: (slug: string) => [...shareKeys.all, "shared", slug] as const,
};

const linkPath = (slug: string) => `/api/share/links/${encodeURIComponent(slug)}`;

/** The caller's links (or, for admins with `all`, everyone's). */
export const shareLinksQueryOptions = (all = false) =>
  queryOptions({ queryKey: shareKeys.list(all), queryFn: ({ signal }) => fetchJson<{ links: ShareLinkSummary[] }>("/api/share/links", all ? new URLSearchParams({ all: "true" }) : undefined, signal) });

/** What a link opens (for the banner): who shared it, when, what could not be restored. A link never changes, so it is read once. */
export const sharedViewQueryOptions = (slug: string) =>
  queryOptions({ queryKey: shareKeys.shared(slug), queryFn: ({ signal }) => fetchJson<SharedViewResponse>(linkPath(slug), undefined, signal), staleTime: Infinity, retry: false });

const refreshLinks = (queryClient: QueryClient) => () => queryClient.invalidateQueries({ queryKey: shareKeys.all });

export const createShareLinkMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...shareKeys.all, "create"],
    mutationFn: (input: CreateShareLinkInput) => sendJson<ShareLinkSummary & { path: string }>("POST", "/api/share/links", input),
    onSuccess: refreshLinks(queryClient),
  });

export const renameShareLinkMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...shareKeys.all, "rename"],
    mutationFn: ({ slug, name }: { slug: string; name: string }) => sendJson<ShareLinkSummary>("PATCH", linkPath(slug), { name }),
    onSuccess: refreshLinks(queryClient),
  });

export const deleteShareLinkMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...shareKeys.all, "delete"],
    mutationFn: (slug: string) => sendJson<{ deleted: true }>("DELETE", linkPath(slug)),
    onSuccess: refreshLinks(queryClient),
  });
