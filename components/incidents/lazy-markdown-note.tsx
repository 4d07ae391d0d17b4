"use client";

import { lazy, Suspense } from "react";

// react-markdown and rehype-sanitize would put the incident page over the 250 KB first-load
// budget: they load after the page has drawn, and until then the note shows as plain text
// (React escapes it), so nothing is hidden and nothing unsanitised is ever rendered as HTML.
const MarkdownNote = lazy(() => import("./markdown-note").then((module) => ({ default: module.MarkdownNote })));

export function LazyMarkdownNote({ text }: { text: string }) {
  return (
    <Suspense fallback={<div className="markdown-note" style={{ whiteSpace: "pre-wrap" }}>{text}</div>}>
      <MarkdownNote text={text} />
    </Suspense>
  );
}
