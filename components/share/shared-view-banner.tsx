"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { formatDateTimeIn, formatRangeIn } from "@/lib/time/format-zoned";
import { sharedViewQueryOptions } from "@/lib/queries/share";
import { TIME_ZONE_MODES, type TimeZoneMode } from "@/lib/url-state/time-parsers";
import { ZoneModeSwitch } from "./zone-mode-switch";

const bannerParams = { shared: parseAsString, tz: parseAsStringLiteral(TIME_ZONE_MODES).withDefault("utc") };

/**
 * Shown above any view opened from a short link (`?shared=<slug>`): who shared it and when,
 * that its times are frozen, what could not be restored, and one click back to live time.
 */
export function SharedViewBanner() {
  const [{ shared, tz }, setState] = useQueryStates(bannerParams);
  const link = useQuery({ ...sharedViewQueryOptions(shared ?? ""), enabled: Boolean(shared) });
  const search = useSearchParams();
  if (!shared) return null;
  if (link.error) return <p className="banner banner-warning" role="status">This view came from a share link that no longer exists; it shows the settings in its address.</p>;
  if (!link.data) return null;
  const data = link.data;
  const zone = tz as TimeZoneMode;
  const range = data.from && data.to ? formatRangeIn(Date.parse(data.from), Date.parse(data.to), zone) : null;
  return (
    <section className="banner shared-banner" aria-label="Shared view" data-testid="shared-banner">
      <p>
        Shared by <strong>{data.createdByName}</strong> at {formatDateTimeIn(Date.parse(data.createdAt), zone)} · times frozen at {formatDateTimeIn(Date.parse(data.frozenAt), zone, true)}
        {range ? <> · <span data-testid="shared-range">{range}</span></> : null}
      </p>
      {data.notes.map((note) => <p key={note} className="shared-note" role="note">{note}</p>)}
      {changedSinceShared(data.restored.params, search) ? (
        <p className="shared-note" role="note">You changed this view since it was shared. <Link href={data.href}>Show it as shared</Link></p>
      ) : null}
      <p className="shared-actions">
        <Link href={data.liveHref}>Back to live{data.liveFrom ? ` (${data.liveFrom} → ${data.liveTo ?? "now"})` : ""}</Link>
        <ZoneModeSwitch senderMode={data.senderZoneMode === "browser" ? "browser" : "utc"} senderTimeZone={data.senderTimeZone} value={zone} onChange={(mode) => void setState({ tz: mode })} />
      </p>
    </section>
  );
}

// The time-zone switch and the banner's own marker are not the view's content.
const IGNORED = new Set(["shared", "tz", "refresh"]);

function changedSinceShared(shared: Record<string, string>, current: URLSearchParams): boolean {
  const keys = new Set([...Object.keys(shared), ...current.keys()].filter((key) => !IGNORED.has(key)));
  return [...keys].some((key) => (shared[key] ?? null) !== current.get(key));
}
