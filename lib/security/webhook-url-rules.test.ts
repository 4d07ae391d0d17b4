import { describe, expect, it } from "vitest";
import {
  addressRefusalReason,
  checkWebhookUrlSyntax,
  classifyAddress,
  hostMatchesAllowlist,
  isMetadataHostname,
  normalizeHostname,
  parseIpAddress,
  parseIpv6,
  type AddressClass,
} from "./webhook-url-rules";

describe("checkWebhookUrlSyntax", () => {
  it("accepts http and https URLs with a host", () => {
    for (const url of ["https://hooks.example.com/services/T0/B0/x", "http://gateway.internal:8080/notify", "http://10.0.0.5/", "https://[fd12::1]:8443/x?y=1"]) {
      const result = checkWebhookUrlSyntax(url);
      expect(result.ok, url).toBe(true);
      if (result.ok) expect(result.url.href).toBe(new URL(url).href);
    }
  });

  it.each([
    ["ftp://example.com/x", /must use http or https, not ftp/],
    ["javascript:alert(1)", /must use http or https, not javascript/],
    ["file:///etc/passwd", /must use http or https, not file/],
    ["data:text/plain,hi", /must use http or https/],
    ["http://user:pw@host/", /must not contain credentials/],
    ["http://user@host/", /must not contain credentials/],
    ["https://:pw@host/", /must not contain credentials/],
    ["not a url", /not a valid absolute URL/],
    ["/relative/path", /not a valid absolute URL/],
    ["http://", /not a valid absolute URL/],
    ["", /not a valid absolute URL/],
    [`https://example.com/${"a".repeat(2048)}`, /longer than 2048/],
  ])("refuses %s", (url, message) => {
    const result = checkWebhookUrlSyntax(url);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).not.toContain("pw");
    }
  });
});

describe("parseIpAddress", () => {
  it("parses IPv4 strictly", () => {
    expect(parseIpAddress("192.168.1.20")).toEqual({ version: 4, bytes: [192, 168, 1, 20] });
    for (const bad of ["256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "1..2.3", ""]) expect(parseIpAddress(bad), bad).toBeNull();
  });

  it("parses IPv6 with compression, IPv4 tails, zones and brackets", () => {
    expect(parseIpv6("::")).toEqual(new Array(16).fill(0));
    expect(parseIpv6("::1")?.[15]).toBe(1);
    expect(parseIpv6("2001:db8::8a2e:370:7334")).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0x8a, 0x2e, 0x03, 0x70, 0x73, 0x34]);
    expect(parseIpv6("::ffff:169.254.169.254")).toEqual(parseIpv6("::ffff:a9fe:a9fe"));
    expect(parseIpv6("1:2:3:4:5:6:7::")).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0]);
    expect(parseIpv6("fe80::1%eth0")?.[0]).toBe(0xfe);
    expect(parseIpAddress("[::1]")).toEqual({ version: 6, bytes: parseIpv6("::1") });
    for (const bad of [":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "12345::", "g::1", ":1:2:3:4:5:6:7", "::1.2.3.4:5", "::256.1.1.1"]) {
      expect(parseIpv6(bad), bad).toBeNull();
    }
  });
});

describe("classifyAddress", () => {
  const cases: [string, AddressClass][] = [
    ["8.8.8.8", "ok"],
    ["93.184.216.34", "ok"],
    ["2606:4700:4700::1111", "ok"],
    ["169.254.169.254", "metadata"],
    ["169.254.170.2", "metadata"],
    ["100.100.100.200", "metadata"],
    ["168.63.129.16", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["FD00:0EC2:0:0::254", "metadata"],
    ["fd20:ce::254", "metadata"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["64:ff9b::a9fe:a9fe", "metadata"],
    ["2002:a9fe:a9fe::1", "metadata"],
    ["169.254.0.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["::ffff:169.254.1.1", "link-local"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "ok"],
    ["172.15.0.1", "ok"],
    ["192.168.0.10", "private"],
    ["100.64.0.1", "private"],
    ["100.128.0.1", "ok"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fec0::1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["::ffff:0.0.0.0", "unspecified"],
    ["240.0.0.1", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "multicast"],
    ["ff02::1", "multicast"],
    ["ff05::1:3", "multicast"],
  ];
  it.each(cases)("%s is %s", (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });

  it("throws on anything that is not an IP address", () => {
    expect(() => classifyAddress("example.com")).toThrow(/not an IP address/);
    expect(() => classifyAddress("1.2.3")).toThrow(TypeError);
  });
});

describe("addressRefusalReason", () => {
  it("always refuses metadata, link-local, unspecified and multicast", () => {
    for (const cls of ["metadata", "link-local", "unspecified", "multicast"] as const) {
      expect(addressRefusalReason(cls, true), cls).not.toBeNull();
    }
    expect(addressRefusalReason("metadata", true)).toBe("cloud metadata address");
  });

  it("refuses loopback and private only when private targets are not allowed", () => {
    expect(addressRefusalReason("loopback", true)).toBeNull();
    expect(addressRefusalReason("private", true)).toBeNull();
    expect(addressRefusalReason("loopback", false)).toBe("loopback address");
    expect(addressRefusalReason("private", false)).toBe("private network address");
    expect(addressRefusalReason("ok", false)).toBeNull();
  });
});

describe("host names", () => {
  it("normalises case, brackets and the trailing dot", () => {
    expect(normalizeHostname("Metadata.Google.Internal.")).toBe("metadata.google.internal");
    expect(normalizeHostname("[FD00::1]")).toBe("fd00::1");
  });

  it("recognises metadata host names", () => {
    for (const host of ["metadata", "metadata.google.internal", "METADATA.GOOGLE.INTERNAL.", "instance-data", "instance-data.ec2.internal"]) expect(isMetadataHostname(host), host).toBe(true);
    for (const host of ["metadata.example.com", "hooks.slack.com", "my-metadata"]) expect(isMetadataHostname(host), host).toBe(false);
  });

  it("matches allowlist entries exactly or by *.suffix", () => {
    const allowlist = ["hooks.slack.com", "*.example.com", " Gateway.Internal "];
    expect(hostMatchesAllowlist("hooks.slack.com", allowlist)).toBe(true);
    expect(hostMatchesAllowlist("a.example.com", allowlist)).toBe(true);
    expect(hostMatchesAllowlist("a.b.example.com", allowlist)).toBe(true);
    expect(hostMatchesAllowlist("gateway.internal", allowlist)).toBe(true);
    expect(hostMatchesAllowlist("example.com", allowlist)).toBe(false);
    expect(hostMatchesAllowlist("evilexample.com", allowlist)).toBe(false);
    expect(hostMatchesAllowlist("example.com.evil.io", allowlist)).toBe(false);
    expect(hostMatchesAllowlist("evil-hooks.slack.com", allowlist)).toBe(false);
    expect(hostMatchesAllowlist("anything", [])).toBe(false);
  });
});
