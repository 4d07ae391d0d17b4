/**
 * URLs as Triage may show or log them: `LOGS_URL=http://user:pass@host` is allowed, and engine
 * clients quote their node's URL in errors, so every URL that reaches a page, an API answer or a
 * log line loses its userinfo and the values of secret-looking query parameters first.
 */

const URL_IN_TEXT = /\b[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s"'<>\\`]+/g;
const SECRET_PARAM = /token|secret|passw|key|signature|credential|auth|session|^sig$|^pwd$|^pass$|^jwt$|^code$/i;
export const STRIPPED = "[REDACTED]";

/** One URL without `user:password@` and with secret query values replaced; anything else is kept as written. */
export function stripUrlCredentials(url: string): string {
  const schemeEnd = url.indexOf("://");
  if (schemeEnd < 0) return url;
  const authorityStart = schemeEnd + 3;
  const rest = url.slice(authorityStart);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd < 0 ? "" : rest.slice(authorityEnd);
  // The last "@" ends the userinfo: a password may contain an unencoded "@", a host cannot.
  const host = authority.slice(authority.lastIndexOf("@") + 1);
  return `${url.slice(0, authorityStart)}${host}${stripSecretParams(tail)}`;
}

/** Every URL inside free text (an error message, a log line) stripped as above. */
export function stripUrlCredentialsInText(text: string): string {
  return text.includes("://") ? text.replace(URL_IN_TEXT, stripUrlCredentials) : text;
}

function stripSecretParams(tail: string): string {
  const queryStart = tail.indexOf("?");
  if (queryStart < 0) return tail;
  const fragmentStart = tail.indexOf("#", queryStart);
  const query = tail.slice(queryStart + 1, fragmentStart < 0 ? undefined : fragmentStart);
  const params = query.split(/([&;])/).map((part) => {
    const equals = part.indexOf("=");
    if (equals < 0) return part;
    const name = safeDecode(part.slice(0, equals));
    return SECRET_PARAM.test(name) ? `${part.slice(0, equals)}=${STRIPPED}` : part;
  });
  return `${tail.slice(0, queryStart + 1)}${params.join("")}${fragmentStart < 0 ? "" : tail.slice(fragmentStart)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
