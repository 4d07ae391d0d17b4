import { describe, expect, it } from "vitest";
import { addressBucket } from "./address-bucket";

describe("addressBucket", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 10.0.0.1 ", "10.0.0.1"],
    // IPv4-mapped IPv6 is the IPv4 client it carries, in both spellings.
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:203.0.113.7", "203.0.113.7"],
    ["0:0:0:0:0:ffff:203.0.113.7", "203.0.113.7"],
    ["::ffff:cb00:7107", "203.0.113.7"],
    ["[::ffff:127.0.0.1]", "127.0.0.1"],
  ])("counts %j as the IPv4 client %j", (input, expected) => {
    expect(addressBucket(input)).toBe(expected);
  });

  it.each([
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:0000:0000:0000:0001", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4::/64"],
    ["[2001:db8:1:2::abcd]", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["64:ff9b::203.0.113.7", "64:ff9b:0:0::/64"],
  ])("counts %j in its /64 %j", (input, expected) => {
    expect(addressBucket(input)).toBe(expected);
  });

  it("puts every address of one /64 in one bucket and the next /64 in another", () => {
    const one = ["2001:db8:aa:bb::1", "2001:db8:aa:bb:1234:5678:9abc:def0", "2001:db8:00aa:00bb:0::ffff"].map(addressBucket);
    expect(new Set(one).size).toBe(1);
    expect(addressBucket("2001:db8:aa:bc::1")).not.toBe(one[0]);
  });

  it.each(["unknown", "", "not-an-address", "1.2.3", "256.1.1.1", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::ffff:1.2.3.999", "01.2.3.4"])(
    "keeps %j as its own bucket instead of guessing",
    (input) => {
      expect(addressBucket(input)).toBe(input.trim().toLowerCase());
    },
  );
});
