/**
 * The group of addresses a rate limit counts as one client. One IPv6 customer usually holds a
 * whole /64 and can pick any address in it, so IPv6 counts per /64; IPv4 (also when written as
 * IPv4-mapped IPv6) per address. Anything that is not an address ("unknown") is its own group.
 */
export function addressBucket(address: string): string {
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (parseIPv4(bare)) return bare;
  const groups = parseIPv6(bare);
  if (!groups) return address.trim().toLowerCase();
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high, low] = [groups[6]!, groups[7]!];
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}

function parseIPv4(value: string): number[] | null {
  const parts = value.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)) return null;
  return parts.map(Number);
}

/** Eight 16-bit groups, or null. Accepts "::" once and a dotted IPv4 tail (::ffff:1.2.3.4). */
function parseIPv6(value: string): number[] | null {
  if (!value.includes(":")) return null;
  let text = value.toLowerCase();
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".", lastColon)) {
    const ipv4 = parseIPv4(text.slice(lastColon + 1));
    if (!ipv4) return null;
    const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
    text = `${text.slice(0, lastColon + 1)}${hex(ipv4[0]!, ipv4[1]!)}:${hex(ipv4[2]!, ipv4[3]!)}`;
  }
  return expandGroups(text);
}

function expandGroups(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (half: string) => (half === "" ? [] : half.split(":"));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head.concat(rest).every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest].map((group) => parseInt(group, 16));
}
