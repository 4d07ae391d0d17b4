import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { DEFAULT_REDACTION_RULES, redactText, type RedactionRule } from "@/lib/logs/redact";
import type { CurlCommand } from "@/lib/schemas/request-drilldown";
import { describeCorrelationIdProblem } from "./correlation-id";
import { findEntryLine, readField, readString, readTimedLines, type LogSource, type RequestLogInput } from "./read-log-fields";

export type { CurlCommand };

export interface CurlOptions {
  requestId: string;
  mapping: FieldMapping;
  /** Used when the line names no host (ECS url.domain / url.full); default http://localhost. */
  defaultOrigin?: string;
  rules?: readonly RedactionRule[];
}

// Never copied: credentials by name, whatever their value looks like.
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);
const SECRET_NAME_PART = /token|secret|passw|key|auth|cookie|session|credential|signature|csrf|xsrf/;
// Set by curl itself, replaced by ours, or meaningless on a new connection.
const DROPPED_HEADERS = new Set(["x-request-id", "host", "content-length", "connection", "transfer-encoding", "keep-alive", "upgrade", "te", "trailer", "expect"]);
const SECRET_QUERY_NAME = /token|secret|passw|key|signature|auth|session|credential|csrf|xsrf/;
const SECRET_QUERY_EXACT = new Set(["sig", "pwd", "pass", "code", "jwt", "otp", "pin"]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The request's entry line (see findEntryLine), as a curl command; null when no line has a status. */
export function buildRequestCurl(inputs: readonly RequestLogInput[], options: CurlOptions): CurlCommand | null {
  const entry = findEntryLine(readTimedLines(inputs, options.mapping).timed);
  return entry ? buildCurlCommand(entry.source, options) : null;
}

/**
 * A copyable curl command reproducing one request line with the same X-Request-ID. Credentials
 * never appear: secret-named headers and query parameters are left out (their names are listed),
 * as is any value the redaction rules would touch.
 */
export function buildCurlCommand(source: LogSource, options: CurlOptions): CurlCommand {
  const requestId = options.requestId.trim();
  const problem = describeCorrelationIdProblem(requestId);
  if (problem) throw new Error(problem);
  const rules = options.rules ?? DEFAULT_REDACTION_RULES;
  const notes: string[] = [];
  const omittedHeaders: string[] = [];

  const rawMethod = readString(source, options.mapping.method)?.trim().toUpperCase() ?? "";
  const method = /^[A-Z]{1,16}$/.test(rawMethod) ? rawMethod : "GET";
  if (method !== rawMethod) notes.push("The log line has no usable HTTP method; GET is assumed.");

  const url = buildUrl(source, options, rules, notes);
  const headers: { name: string; value: string }[] = [{ name: "X-Request-ID", value: requestId }];
  for (const [name, value] of collectHeaders(source)) {
    const lower = name.toLowerCase().replace(/_/g, "-");
    if (DROPPED_HEADERS.has(lower) || !HEADER_NAME.test(name)) continue;
    if (SECRET_HEADERS.has(lower) || SECRET_NAME_PART.test(lower) || looksSecret(value, rules)) {
      omittedHeaders.push(lower);
      continue;
    }
    if (CONTROL.test(value)) continue;
    headers.push({ name, value });
  }
  const userAgent = readString(source, "user_agent.original");
  if (userAgent && !headers.some((h) => h.name.toLowerCase() === "user-agent") && !CONTROL.test(userAgent) && !looksSecret(userAgent, rules)) {
    headers.push({ name: "User-Agent", value: userAgent });
  }
  if (omittedHeaders.length > 0) notes.push(`Left out because they may carry credentials: ${omittedHeaders.join(", ")}.`);
  if (BODY_METHODS.has(method)) notes.push("The request body is not in the logs; add it with --data if the endpoint needs one.");

  const first = ["curl"];
  if (method === "HEAD") first.push("--head");
  else if (method !== "GET") first.push(`-X ${method}`);
  // Without --globoff curl would read [] and {} in the URL as its own range syntax.
  if (/[[\]{}]/.test(url.href)) first.push("--globoff");
  first.push(shellQuote(url.href));
  const lines = [first.join(" "), ...headers.map((header) => `-H ${shellQuote(`${header.name}: ${header.value}`)}`)];

  return {
    command: lines.join(" \\\n  "),
    method,
    url: url.href,
    headers,
    omittedHeaders,
    omittedQueryParams: url.omittedParams,
    notes,
  };
}

/** POSIX single quotes: nothing inside is expanded; an embedded ' becomes '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

function looksSecret(value: string, rules: readonly RedactionRule[]): boolean {
  return value.includes("[REDACTED") || redactText(value, rules).redactedCount > 0;
}

/** http.request.headers.* from nested objects, flat dotted keys, or both. */
function collectHeaders(source: LogSource): Map<string, string> {
  const headers = new Map<string, string>();
  const add = (name: string, value: unknown) => {
    const text = Array.isArray(value) ? value.filter((v) => typeof v === "string").join(", ") : typeof value === "string" || typeof value === "number" ? String(value) : null;
    if (name && text !== null && !headers.has(name)) headers.set(name, text);
  };
  const nested = readField(source, "http.request.headers");
  if (typeof nested === "object" && nested !== null && !Array.isArray(nested)) {
    for (const [name, value] of Object.entries(nested)) add(name, value);
  }
  const prefix = "http.request.headers.";
  for (const [key, value] of Object.entries(source)) if (key.startsWith(prefix)) add(key.slice(prefix.length), value);
  return headers;
}

interface BuiltUrl {
  href: string;
  omittedParams: string[];
}

function buildUrl(source: LogSource, options: CurlOptions, rules: readonly RedactionRule[], notes: string[]): BuiltUrl {
  const absolute = [readString(source, "url.full"), readString(source, "url.original")].find((u) => u !== null && /^https?:\/\//i.test(u));
  let origin: string;
  let path: string;
  let query: string;
  const parsed = absolute ? safeUrl(absolute) : null;
  if (parsed) {
    if (parsed.username || parsed.password) notes.push("User credentials in the URL were left out.");
    origin = parsed.origin;
    path = parsed.pathname;
    query = parsed.search.slice(1);
  } else {
    const domain = readString(source, "url.domain") ?? readString(source, "http.request.headers.host");
    const scheme = readString(source, "url.scheme") ?? "https";
    const port = readString(source, "url.port");
    const composed = domain ? safeUrl(`${scheme}://${domain}${port ? `:${port}` : ""}`) : null;
    const configured = safeUrl(options.defaultOrigin ?? "")?.origin;
    origin = composed?.origin ?? configured ?? "http://localhost";
    if (!composed && !configured) notes.push(`The logs do not name the host that served this request; the URL uses ${origin}.`);
    path = encodeUnsafe(readString(source, options.mapping.path) ?? readString(source, "url.path") ?? "/");
    if (!path.startsWith("/")) path = `/${path}`;
    query = encodeUnsafe((readString(source, "url.query") ?? "").replace(/^\?/, ""));
  }

  const redactedPath = redactText(path, rules);
  if (redactedPath.redactedCount > 0) {
    path = encodeUnsafe(redactedPath.value);
    notes.push("Part of the path looked like a credential and was replaced.");
  }
  const omittedParams: string[] = [];
  const kept = query
    .split("&")
    .filter((pair) => pair !== "")
    .filter((pair) => {
      const name = decodeName(pair.split("=", 1)[0] ?? "");
      const lower = name.toLowerCase();
      if (SECRET_QUERY_NAME.test(lower) || SECRET_QUERY_EXACT.has(lower) || looksSecret(safeDecode(pair), rules)) {
        omittedParams.push(name.slice(0, 64));
        return false;
      }
      return true;
    });
  if (omittedParams.length > 0) notes.push(`Query parameters left out because they may carry credentials: ${omittedParams.join(", ")}.`);
  return { href: `${origin}${path}${kept.length > 0 ? `?${kept.join("&")}` : ""}`, omittedParams };
}

function safeUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function decodeName(name: string): string {
  return safeDecode(name).replace(new RegExp(CONTROL.source, "g"), "?");
}

/** Percent-encodes spaces, controls and non-ASCII; leaves reserved characters and existing escapes alone. */
function encodeUnsafe(text: string): string {
  return text.replace(/[^\x21-\x7e]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return "%EF%BF%BD"; // a lone surrogate: U+FFFD
    }
  });
}
