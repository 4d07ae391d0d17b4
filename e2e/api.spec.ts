import { expect, test } from "@playwright/test";
import { adminApi } from "./fixtures/users";

test("the app honours an incoming X-Request-ID and returns it", async ({ request }) => {
  const id = `e2e-${crypto.randomUUID()}`;
  const response = await request.get("/api/health", { headers: { "x-request-id": id } });
  expect(response.headers()["x-request-id"]).toBe(id);
  const page = await request.get("/login", { headers: { "x-request-id": id } });
  expect(page.headers()["x-request-id"]).toBe(id);
});

test("health reports both engines to a signed-in user", async () => {
  const api = await adminApi();
  const response = await api.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", postgres: { ok: true }, search: { ok: true, engine: "elasticsearch", version: expect.stringMatching(/^9\./) } });
  await api.dispose();
});

test("bad input gets a 400 with a readable message, never a 500", async () => {
  const api = await adminApi();
  const cases = [
    ["/api/overview/error-rate?from=yesterday", /not a time/],
    ["/api/overview/error-rate?from=now-90d", /31-day/],
    ["/api/logs/search?size=100000", /size is at most/],
    ["/api/logs/search?index=.security", /index/],
    ["/api/logs/search?q=status%3A(500%20OR", /./],
  ] as const;
  for (const [url, message] of cases) {
    const response = await api.get(url);
    expect(response.status(), url).toBe(400);
    expect((await response.json()).error.message, url).toMatch(message);
  }
  await api.dispose();
});

test("robots.txt keeps search engines out without needing a session", async ({ request }) => {
  const response = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Disallow: /");
});
