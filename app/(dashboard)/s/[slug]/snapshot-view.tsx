"use client";

import Link from "next/link";
import { useState } from "react";
import { SnapshotBody } from "@/components/share/snapshots/snapshot-body";
import { ZoneModeSwitch } from "@/components/share/zone-mode-switch";
import type { SharedViewResponse } from "@/lib/schemas/share-link";
import { formatDateTimeIn, formatRangeIn } from "@/lib/time/format-zoned";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

/** A snapshot as it was stored, marked as one, with a way to run the same view live. */
export function SnapshotView({ link }: { link: SharedViewResponse & { snapshot: NonNullable<SharedViewResponse["snapshot"]> } }) {
  const senderMode: TimeZoneMode = link.senderZoneMode === "browser" ? "browser" : "utc";
  const [zone, setZone] = useState<TimeZoneMode>(senderMode);
  const range = link.from && link.to ? formatRangeIn(Date.parse(link.from), Date.parse(link.to), zone) : null;
  return (
    <div className="view" data-testid="snapshot-view">
      <div className="toolbar">
        <h1>Snapshot: {link.name}</h1>
        <div className="toolbar-actions">
          <Link className="button" href={link.href} data-testid="run-live">Run live</Link>
        </div>
      </div>
      <section className="banner shared-banner" aria-label="Snapshot" data-testid="shared-banner">
        <p>
          <strong>Snapshot</strong> taken at {formatDateTimeIn(Date.parse(link.snapshot.capturedAt), zone, true)} · shared by <strong>{link.createdByName}</strong>
          {range ? <> · <span data-testid="shared-range">{range}</span></> : null} · {link.snapshot.lineCount.toLocaleString("en-US")} lines kept
        </p>
        <p className="muted">This is what the view showed then, stored in Triage; it stays after the logs are deleted. Run live to query the logs again.</p>
        {link.notes.map((note) => <p key={note} className="shared-note" role="note">{note}</p>)}
        <p className="shared-actions"><ZoneModeSwitch senderMode={senderMode} senderTimeZone={link.senderTimeZone} value={zone} onChange={setZone} /></p>
      </section>
      <SnapshotBody kind={link.restored.kind} answers={link.snapshot.answers} params={link.restored.params} timeZone={zone} />
    </div>
  );
}
