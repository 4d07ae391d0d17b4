import { describe, expect, it } from "vitest";
import { describeUnstorableText, storableText } from "./storable-text";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("storableText", () => {
  const name = storableText({ max: 20 }).min(1, "enter a name");

  it("trims and keeps ordinary text, accents, emoji and right-to-left scripts", () => {
    expect(name.parse("  Ada Lovelace  ")).toBe("Ada Lovelace");
    expect(name.parse("Zoë 🚀 مرحبا")).toBe("Zoë 🚀 مرحبا");
  });

  it.each([
    ["NUL", "a\u0000b", /U\+0000 \(NUL\) at position 2/],
    ["a C0 control", "bell\u0007", /U\+0007/],
    ["an inner tab", "a\tb", /U\+0009 \(tab\)/],
    ["an inner line feed", "a\nb", /U\+000A \(line feed\)/],
    ["escape", "\u001b[31mred", /U\+001B \(escape\)/],
    ["DEL", "a\u007f", /U\+007F \(DEL\)/],
    ["a C1 control", "next\u0085line", /U\+0085/],
    ["a lone high surrogate", "a\ud800b", /unpaired UTF-16 surrogate\) at position 2/],
    ["a lone low surrogate", "\udc00", /unpaired UTF-16 surrogate/],
    ["a reversed pair", "\udc00\ud800", /unpaired UTF-16 surrogate/],
  ])("refuses %s with a readable message", (_, text, message) => {
    expect(firstMessage(name.safeParse(text))).toMatch(message);
  });

  it("reports the control character first, before checks chained after it", () => {
    const email = storableText({ max: 254 }).toLowerCase().email("enter an email address");
    const result = email.safeParse("a\u0000@example.org");
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/U\+0000/)]);
    expect(email.parse(" Ada@Example.org ")).toBe("ada@example.org");
  });

  it("bounds the length", () => {
    expect(firstMessage(name.safeParse("x".repeat(21)))).toBe("at most 20 characters");
  });

  it("lets multi-line text keep tabs, line feeds and carriage returns, nothing else", () => {
    const note = storableText({ max: 100, multiline: true });
    expect(note.parse("line 1\r\n\tline 2\n")).toBe("line 1\r\n\tline 2");
    expect(firstMessage(note.safeParse("a\u0000"))).toMatch(/NUL/);
    expect(firstMessage(note.safeParse("a\u000bb"))).toMatch(/U\+000B/);
  });

  it("can keep surrounding whitespace", () => {
    expect(storableText({ max: 10, trim: false }).parse(" x ")).toBe(" x ");
  });
});

describe("describeUnstorableText", () => {
  it("is null for storable text", () => {
    expect(describeUnstorableText("GET /api/users/{id} — ok ✓")).toBeNull();
  });
});
