/**
 * Pure, client-safe rules for webhook URLs (no node:net, so forms can use them too).
 * The server policy in lib/server/security/webhook-url-policy.ts adds DNS resolution.
 */

export const WEBHOOK_URL_MAX_LENGTH = 2048;

export type WebhookUrlSyntaxResult = { ok: true; url: URL } | { ok: false; message: string };

/** Only http(s), a host, no user:password@, at most 2048 characters. Messages never echo the URL. */
export function checkWebhookUrlSyntax(url: string): WebhookUrlSyntaxResult {
  if (url.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, message: `is longer than ${WEBHOOK_URL_MAX_LENGTH} characters` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: "is not a valid absolute URL" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return { ok: false, message: `must use http or https, not ${parsed.protocol.replace(/:$/, "") || "no scheme"}` };
  }
  if (parsed.username !== "" || parsed.password !== "") {
    return { ok: false, message: "must not contain credentials (user:password@); send secrets in headers instead" };
  }
  if (normalizeHostname(parsed.hostname) === "") return { ok: false, message: "needs a host" };
  return { ok: true, url: parsed };
}

/** Lower-case host without IPv6 brackets or the trailing root dot ("Metadata.Google.Internal." -> "metadata.google.internal"). */
export function normalizeHostname(hostname: string): string {
  let host = hostname.trim().toLowerCase();
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  return host.replace(/\.+$/, "");
}

// Names that resolve to instance metadata services on the major clouds.
const METADATA_HOSTNAMES = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.tencentyun.com",
]);

export function isMetadataHostname(hostname: string): boolean {
  return METADATA_HOSTNAMES.has(normalizeHostname(hostname));
}

/** Exact host, or "*.example.com" for any subdomain of example.com (not example.com itself). */
export function hostMatchesAllowlist(hostname: string, allowlist: readonly string[]): boolean {
  const host = normalizeHostname(hostname);
  return allowlist.some((raw) => {
    const entry = normalizeHostname(raw);
    if (entry.startsWith("*.")) return host.endsWith(entry.slice(1)) && host.length > entry.length - 1;
    return entry !== "" && host === entry;
  });
}

export type AddressClass = "ok" | "link-local" | "metadata" | "loopback" | "private" | "unspecified" | "multicast";

const ADDRESS_REASONS: Record<Exclude<AddressClass, "ok">, string> = {
  metadata: "cloud metadata address",
  "link-local": "link-local address",
  loopback: "loopback address",
  private: "private network address",
  unspecified: "unspecified or reserved address",
  multicast: "multicast or broadcast address",
};

/**
 * Why an address of this class may not receive webhooks, or null when it may.
 * Link-local, metadata, unspecified and multicast are always refused; loopback and private only
 * when `allowPrivate` is false.
 */
export function addressRefusalReason(addressClass: AddressClass, allowPrivate: boolean): string | null {
  if (addressClass === "ok") return null;
  if ((addressClass === "loopback" || addressClass === "private") && allowPrivate) return null;
  return ADDRESS_REASONS[addressClass];
}

/** Parses a dotted-quad IPv4 address (decimal, no leading zeros) into 4 bytes. */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

/** Parses an IPv6 address (with "::", an embedded dotted IPv4 tail, an optional %zone) into 16 bytes. */
export function parseIpv6(text: string): number[] | null {
  const address = text.replace(/%[^%]*$/, "").toLowerCase();
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const parseGroups = (half: string, allowIpv4Tail: boolean): number[] | null => {
    if (half === "") return [];
    const groups = half.split(":");
    const words: number[] = [];
    for (const [index, group] of groups.entries()) {
      if (allowIpv4Tail && index === groups.length - 1 && group.includes(".")) {
        const v4 = parseIpv4(group);
        if (!v4) return null;
        words.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else if (/^[0-9a-f]{1,4}$/.test(group)) {
        words.push(parseInt(group, 16));
      } else {
        return null;
      }
    }
    return words;
  };
  const compressed = halves.length === 2;
  const head = parseGroups(halves[0] ?? "", !compressed);
  const tail = compressed ? parseGroups(halves[1] ?? "", true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (compressed ? missing < 1 : missing !== 0) return null;
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

/** Parses an IPv4 or IPv6 literal (IPv6 may be bracketed); null when `text` is not an IP address. */
export function parseIpAddress(text: string): { version: 4 | 6; bytes: number[] } | null {
  const host = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (host.includes(":")) {
    const bytes = parseIpv6(host);
    return bytes ? { version: 6, bytes } : null;
  }
  const bytes = parseIpv4(host);
  return bytes ? { version: 4, bytes } : null;
}

const METADATA_V4 = new Set(["169.254.169.254", "169.254.170.2", "169.254.170.23", "100.100.100.200", "168.63.129.16"]);
// AWS IMDS and EKS pod identity over IPv6, and GCP's IPv6 metadata server.
const METADATA_V6 = new Set(["fd00:0ec2:0000:0000:0000:0000:0000:0254", "fd00:0ec2:0000:0000:0000:0000:0000:0023", "fd20:00ce:0000:0000:0000:0000:0000:0254"]);

function classifyIpv4([a = 0, b = 0, c = 0, d = 0]: number[]): AddressClass {
  if (METADATA_V4.has(`${a}.${b}.${c}.${d}`)) return "metadata";
  if (a === 0) return "unspecified";
  if (a === 127) return "loopback";
  if (a === 169 && b === 254) return "link-local";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  // Carrier-grade NAT, IETF protocol assignments and benchmarking nets are not the public internet either.
  if ((a === 100 && b >= 64 && b <= 127) || (a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19))) return "private";
  if (a === 255 && b === 255 && c === 255 && d === 255) return "multicast";
  if (a >= 224 && a <= 239) return "multicast";
  if (a >= 240) return "unspecified";
  return "ok";
}

function classifyIpv6(bytes: number[]): AddressClass {
  const byte = (i: number) => bytes[i] ?? 0;
  const zeroUpTo = (end: number) => bytes.slice(0, end).every((b) => b === 0);
  const tailV4 = bytes.slice(12, 16);
  if (zeroUpTo(16)) return "unspecified";
  if (zeroUpTo(15) && byte(15) === 1) return "loopback";
  // Forms that carry an IPv4 address: mapped ::ffff:a.b.c.d, translated ::ffff:0:a.b.c.d,
  // compatible ::a.b.c.d, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, and 6to4 2002::/16.
  if (zeroUpTo(10) && byte(10) === 0xff && byte(11) === 0xff) return classifyIpv4(tailV4);
  if (zeroUpTo(8) && byte(8) === 0xff && byte(9) === 0xff && byte(10) === 0 && byte(11) === 0) return classifyIpv4(tailV4);
  if (zeroUpTo(12)) return classifyIpv4(tailV4);
  if (byte(0) === 0 && byte(1) === 0x64 && byte(2) === 0xff && byte(3) === 0x9b) {
    if (bytes.slice(4, 12).every((b) => b === 0)) return classifyIpv4(tailV4);
    if (byte(4) === 0 && byte(5) === 1) return classifyIpv4(tailV4);
  }
  if (byte(0) === 0x20 && byte(1) === 0x02) return classifyIpv4(bytes.slice(2, 6));
  const hex = Array.from({ length: 8 }, (_, i) => ((byte(2 * i) << 8) | byte(2 * i + 1)).toString(16).padStart(4, "0")).join(":");
  if (METADATA_V6.has(hex)) return "metadata";
  if (byte(0) === 0xfe && (byte(1) & 0xc0) === 0x80) return "link-local";
  if (byte(0) === 0xfe && (byte(1) & 0xc0) === 0xc0) return "private"; // deprecated site-local fec0::/10
  if ((byte(0) & 0xfe) === 0xfc) return "private";
  if (byte(0) === 0xff) return "multicast";
  return "ok";
}

/**
 * Classifies an IPv4 or IPv6 address literal. Metadata wins over link-local and private
 * (169.254.169.254 is both), so messages name the real danger. Throws on non-IP input.
 */
export function classifyAddress(ip: string): AddressClass {
  const parsed = parseIpAddress(ip.trim());
  if (!parsed) throw new TypeError(`not an IP address: ${JSON.stringify(ip)}`);
  return parsed.version === 4 ? classifyIpv4(parsed.bytes) : classifyIpv6(parsed.bytes);
}
