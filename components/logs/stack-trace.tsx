"use client";

import { useState } from "react";
import { parseStackTrace } from "@/lib/requests/parse-stack-trace";

const FOLDED_FRAMES = 5;

/** A stack trace folded to its first frames; app frames stand out from library frames. */
export function StackTrace({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  const trace = parseStackTrace(text);
  const frames = expanded ? trace.frames : trace.frames.slice(0, FOLDED_FRAMES);
  return (
    <div className="stack-trace" data-testid="stack-trace">
      {trace.header.map((line, index) => <div key={`h${index}`} className="stack-header">{line}</div>)}
      <ol className="stack-frames">
        {frames.map((frame, index) => (
          <li key={index} className={frame.isAppFrame ? "frame-app" : "frame-library"} data-app-frame={frame.isAppFrame}>
            {frame.raw.trim()}
          </li>
        ))}
      </ol>
      {trace.frames.length > FOLDED_FRAMES ? (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? "Show fewer frames" : `Show all ${trace.frames.length} frames`}
        </button>
      ) : null}
    </div>
  );
}
