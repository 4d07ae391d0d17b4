/**
 * sqlcommenter (google.github.io/sqlcommenter): applications append `/*key='value',…*\/` to their
 * statements, values percent-encoded and quotes backslash-escaped. PostgreSQL's own log lines then
 * carry the request's ids, which is how a server line joins the request that ran it.
 */
export interface SqlCommenterTags {
  /** Every key/value pair of the comment, decoded. */
  tags: Record<string, string>;
  /** From `traceparent` (W3C trace context): 32 hex digits, lower case. */
  traceId: string | null;
  /** From `traceparent`: 16 hex digits, lower case. */
  spanId: string | null;
}

const PAIR = /\s*([^=,\s]+)\s*=\s*'((?:[^'\\]|\\.)*)'\s*(?:,|$)/y;
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const MAX_COMMENT_LENGTH = 4_096;

/** The sqlcommenter tags of a statement, or null when it carries none (or a comment that is not sqlcommenter's). */
export function readSqlCommenter(statement: string): SqlCommenterTags | null {
  const comment = trailingComment(statement)?.text;
  if (!comment || comment.length > MAX_COMMENT_LENGTH) return null;
  const tags: Record<string, string> = {};
  PAIR.lastIndex = 0;
  let position = 0;
  while (position < comment.length) {
    PAIR.lastIndex = position;
    const match = PAIR.exec(comment);
    if (!match) return comment.slice(position).trim() === "" ? finish(tags) : null;
    const key = decode(match[1]!);
    const value = decode(match[2]!.replace(/\\(.)/g, "$1"));
    if (key === null || value === null) return null;
    tags[key] = value;
    position = PAIR.lastIndex;
  }
  return finish(tags);
}

/** The spec puts the comment last; whitespace and a statement terminator may follow it. Found from the end, in linear time. */
function trailingComment(statement: string): { text: string; start: number } | null {
  const tail = statement.replace(/[\s;]+$/, "");
  if (!tail.endsWith("*/")) return null;
  const start = tail.lastIndexOf("/*", tail.length - 3);
  if (start < 0) return null;
  return { text: tail.slice(start + 2, -2), start };
}

function finish(tags: Record<string, string>): SqlCommenterTags | null {
  if (Object.keys(tags).length === 0) return null;
  const parent = TRACEPARENT.exec((tags.traceparent ?? "").toLowerCase());
  // All-zero ids are invalid in W3C trace context; "ff" is the one forbidden version.
  const valid = parent && parent[1] !== "ff" && !/^0+$/.test(parent[2]!) && !/^0+$/.test(parent[3]!);
  return { tags, traceId: valid ? parent[2]! : null, spanId: valid ? parent[3]! : null };
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The statement without its sqlcommenter comment: what fingerprints and EXPLAIN should see. */
export function stripSqlCommenter(statement: string): string {
  const comment = trailingComment(statement);
  return comment && readSqlCommenter(statement) ? statement.slice(0, comment.start).trimEnd() : statement;
}
