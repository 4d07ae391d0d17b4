import { describe, expect, it } from "vitest";
import { buildShareUrl, encodeStrictly } from "./share-url";

const now = new Date("2026-11-25T10:07:31.250Z");

describe("buildShareUrl", () => {
  it("freezes a relative range and keeps the rest of the view", () => {
    const shared = buildShareUrl("https://triage.example.com/?from=now-15m&to=now&service=users&refresh=30s", now);
    expect(shared.from).toBe("2026-11-25T09:52:31.250Z");
    expect(shared.to).toBe("2026-11-25T10:07:31.250Z");
    const url = new URL(shared.url);
    expect(url.pathname).toBe("/");
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: shared.from, to: shared.to, service: "users", refresh: "30s" });
  });
  it("writes the default range when the URL has none, so the link never depends on when it is opened", () => {
    const shared = buildShareUrl("https://triage.example.com/logs", now);
    expect(shared).toMatchObject({ from: "2026-11-25T09:07:31.250Z", to: "2026-11-25T10:07:31.250Z" });
  });
  it("replaces an unreadable bound by the default the view shows", () => {
    expect(buildShareUrl("https://t.example/?from=garbage", now).from).toBe("2026-11-25T09:07:31.250Z");
  });
  it("keeps absolute bounds as they are", () => {
    const shared = buildShareUrl("https://t.example/?from=2026-11-25T09:00:00Z&to=2026-11-25T09:30:00Z", now);
    expect(shared).toMatchObject({ from: "2026-11-25T09:00:00Z", to: "2026-11-25T09:30:00Z" });
  });
  it("encodes queries so spaces, brackets, quotes and a trailing dot survive chat", () => {
    const shared = buildShareUrl(`https://t.example/logs?q=${encodeURIComponent('service:"users api" AND (status:500) *err*.')}`, now);
    const query = shared.url.slice(shared.url.indexOf("?"));
    expect(query).not.toMatch(/[ "()*'!<>]/);
    expect(query.endsWith(".")).toBe(false);
    expect(new URL(shared.url).searchParams.get("q")).toBe('service:"users api" AND (status:500) *err*.');
  });
});

describe("encodeStrictly", () => {
  it("round-trips through URLSearchParams", () => {
    const search = new URLSearchParams({ q: "a+b c/d?e#f&g=h~!'()*", service: "users", empty: "" });
    expect(Object.fromEntries(new URLSearchParams(encodeStrictly(search)))).toEqual(Object.fromEntries(search));
  });
});
