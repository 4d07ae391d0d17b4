"use client";

import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * A note's Markdown as HTML elements: raw HTML in the note is dropped (skipHtml, and no
 * rehype-raw), and the tree is sanitised on top, so no tag, attribute or script from a note
 * reaches the page; react-markdown's URL filter removes javascript: links.
 */
export function MarkdownNote({ text }: { text: string }) {
  return (
    <div className="markdown-note">
      <ReactMarkdown skipHtml rehypePlugins={[rehypeSanitize]}>{text}</ReactMarkdown>
    </div>
  );
}
