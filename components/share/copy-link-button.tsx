"use client";

import { useState } from "react";
import { formatRangeIn } from "@/lib/time/format-zoned";
import { buildShareUrl, type ShareableView } from "@/lib/url-state/share-url";
import { timeParsers } from "@/lib/url-state/time-parsers";

type CopyState = { status: "idle" } | { status: "copied" | "failed"; view: ShareableView };

/**
 * Copies the current view with relative time frozen into absolute time, so a colleague opening
 * it later sees the same minutes. If the clipboard is refused, the link is shown to copy by hand.
 */
export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>({ status: "idle" });

  async function copy() {
    const view = buildShareUrl(window.location.href, new Date());
    try {
      await navigator.clipboard.writeText(view.url);
      setState({ status: "copied", view });
    } catch {
      setState({ status: "failed", view });
    }
  }

  const zone = timeParsers.tz.parse(new URLSearchParams(typeof window === "undefined" ? "" : window.location.search).get("tz") ?? "") ?? "utc";
  return (
    <div className="copy-link" data-testid="copy-link">
      <button type="button" onClick={() => void copy()}>Copy link</button>
      {state.status === "copied" ? (
        <span role="status" className="muted" data-from={state.view.from} data-to={state.view.to}>
          Link copied · {formatRangeIn(Date.parse(state.view.from), Date.parse(state.view.to), zone)}
        </span>
      ) : null}
      {state.status === "failed" ? (
        <span role="status">
          The clipboard is not available here; copy the link yourself:{" "}
          <input readOnly aria-label="Link to this view" value={state.view.url} onFocus={(event) => event.target.select()} size={40} />
        </span>
      ) : null}
    </div>
  );
}
