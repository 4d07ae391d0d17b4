import type { ShareView, ShareViewKind } from "@/lib/schemas/share-link";

/** The view on screen as a link stores it: its URL query as the parsers wrote it, and the browser's zone. Client only. */
export function currentView(kind: ShareViewKind, pathParams: { id?: string } = {}): ShareView {
  const params = Object.fromEntries(new URLSearchParams(window.location.search));
  const senderTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  return { kind, params, pathParams, senderTimeZone };
}
