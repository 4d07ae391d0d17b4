"use client";

import { useSyncExternalStore } from "react";
import { timeZoneLabel } from "@/lib/time/format-zoned";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

const noSubscription = () => () => {};

/**
 * The shared view's clock: the mode the sender used, or the viewer's own (browser) zone. Our
 * formatters show UTC or this browser's zone, so a sender's browser zone is named, not replayed.
 */
export function ZoneModeSwitch({ senderMode, senderTimeZone, value, onChange }: { senderMode: TimeZoneMode; senderTimeZone: string; value: TimeZoneMode; onChange: (mode: TimeZoneMode) => void }) {
  const browserZone = useSyncExternalStore(noSubscription, () => timeZoneLabel("browser"), () => "your time zone");
  const senderLabel = senderMode === "utc" ? "UTC" : `their browser time (${senderTimeZone})`;
  const other: TimeZoneMode = senderMode === "utc" ? "browser" : "utc";
  const options: Array<{ mode: TimeZoneMode; label: string }> = [
    { mode: senderMode, label: `As sent: ${senderLabel}` },
    { mode: other, label: other === "browser" ? `Yours: ${browserZone}` : "UTC" },
  ];
  return (
    <span className="zone-switch" role="group" aria-label="Time zone of this shared view">
      {options.map((option) => (
        <button key={option.label} type="button" aria-pressed={value === option.mode} onClick={() => onChange(option.mode)}>{option.label}</button>
      ))}
    </span>
  );
}
