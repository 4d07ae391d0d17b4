/** The fingerprint page, keeping the view's range and threshold so Back and shared links agree. */
export function slowQueryHref(fingerprint: string, state: { from?: string; to?: string; threshold?: number | null; source?: readonly string[] } = {}): string {
  const params = new URLSearchParams();
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.threshold !== undefined && state.threshold !== null) params.set("threshold", String(state.threshold));
  for (const source of state.source ?? []) params.append("source", source);
  const query = params.toString();
  return `/slow-queries/${encodeURIComponent(fingerprint)}${query ? `?${query}` : ""}`;
}
