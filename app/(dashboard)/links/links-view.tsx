"use client";

import { useQuery } from "@tanstack/react-query";
import { parseAsBoolean, useQueryState } from "nuqs";
import { useCan } from "@/components/auth/actor-context";
import { ShareLinksTable } from "@/components/share/share-links-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { shareLinksQueryOptions } from "@/lib/queries/share";

export function LinksView() {
  const isAdmin = useCan("users:manage");
  const [all, setAll] = useQueryState("all", parseAsBoolean.withDefault(false));
  const { data, error, isPending } = useQuery(shareLinksQueryOptions(isAdmin && all));
  return (
    <div className="view">
      <div className="toolbar">
        <h1>Share links</h1>
        {isAdmin ? (
          <label className="field-inline"><input type="checkbox" checked={all} onChange={(event) => void setAll(event.target.checked)} /> Everyone&apos;s links</label>
        ) : null}
      </div>
      <p className="muted">Links you made with “Share”. A snapshot link keeps what the view showed, even after the logs are gone.</p>
      {isPending ? <div className="skeleton" aria-busy="true">Loading links…</div> : null}
      {error ? <ErrorPanel title="Links are unavailable" message={error.message} /> : null}
      {data && data.links.length === 0 ? <EmptyState title="No links yet">Use “Share” on any view.</EmptyState> : null}
      {data && data.links.length > 0 ? <ShareLinksTable links={data.links} showOwner={isAdmin && all} /> : null}
    </div>
  );
}
