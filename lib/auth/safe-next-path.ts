const HOME = "/";
// Percent-decoding rounds to check: a path that decodes into "//host" may be decoded by a later
// hop (a server's trailing-slash redirect, a proxy) and then leave the site.
const DECODE_ROUNDS = 3;

/**
 * Where to go after sign-in. `next` is parsed exactly as the browser will parse it (tabs and
 * newlines dropped, backslashes read as slashes, resolved against the app), and kept only if it
 * lands on the app's own origin. Returns a path with its query and hash, else the overview.
 */
export function safeNextPath(next: string | null | undefined, appOrigin: string): string {
  if (!next) return HOME;
  let base: URL;
  try {
    base = new URL(appOrigin);
  } catch {
    return HOME;
  }
  const target = resolveOnOrigin(next, base);
  if (!target || target.pathname === "/login") return HOME;
  let path = target.pathname;
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    const decoded = decodeOrNull(path);
    if (decoded === null) return HOME;
    if (decoded === path) break;
    const again = resolveOnOrigin(decoded, base);
    if (!again) return HOME;
    path = again.pathname;
  }
  return `${target.pathname}${target.search}${target.hash}`;
}

/** The URL `value` means on `base`, or null when it names another origin (or scheme). */
function resolveOnOrigin(value: string, base: URL): URL | null {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  // Handed back as a path, "//host/…" would be read as another host.
  if (url.pathname.startsWith("//")) return null;
  return url;
}

function decodeOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
