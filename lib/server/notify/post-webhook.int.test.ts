// Deliveries against real local HTTP servers: the address is resolved once and pinned, redirects
// are not followed, slow receivers time out, big answers are not read to the end, and refused
// addresses are never connected to.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./post-webhook";

type Seen = { host?: string; path?: string };

describe("postWebhook", () => {
  const seen: Seen[] = [];
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      seen.push({ host: request.headers.host, path: request.url });
      request.resume();
      if (request.url === "/redirect") response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end();
      else if (request.url === "/slow") setTimeout(() => response.writeHead(200).end(), 2_000);
      else if (request.url === "/big") {
        response.writeHead(200);
        response.end(Buffer.alloc(5 * 1024 * 1024, 120));
      } else response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("resolves the host once, checks it, and connects to that very address with the name as Host", async () => {
    let lookups = 0;
    const lookup = async () => {
      lookups += 1;
      return ["127.0.0.1"];
    };
    const result = await postWebhook(`http://hooks.triage.test:${port}/ok`, "{}", {}, { policy: { lookup }, timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: true, httpStatus: 204, error: null });
    expect(lookups).toBe(1);
    expect(seen.at(-1)).toEqual({ host: `hooks.triage.test:${port}`, path: "/ok" });
  });

  it("refuses what the policy refuses without connecting", async () => {
    const before = seen.length;
    const metadata = await postWebhook("http://169.254.169.254/latest", "{}", {}, { policy: {}, timeoutMs: 5_000 });
    expect(metadata).toMatchObject({ ok: false, httpStatus: null });
    expect(metadata.error).toMatch(/metadata/);
    const rebinding = await postWebhook(`http://evil.triage.test:${port}/ok`, "{}", {}, { policy: { lookup: async () => ["127.0.0.1"], allowPrivate: false }, timeoutMs: 5_000 });
    expect(rebinding.error).toMatch(/loopback/);
    expect(seen.length).toBe(before);
  });

  it("does not follow redirects", async () => {
    const result = await postWebhook(`http://127.0.0.1:${port}/redirect`, "{}", {}, { policy: {}, timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: false, httpStatus: 302 });
    expect(result.error).toMatch(/redirect, not followed/);
  });

  it("gives up on a slow receiver at the timeout, and stops reading a big answer", async () => {
    const slow = await postWebhook(`http://127.0.0.1:${port}/slow`, "{}", {}, { policy: {}, timeoutMs: 300 });
    expect(slow.ok).toBe(false);
    expect(slow.error).toMatch(/within 300 ms/);
    expect(slow.latencyMs).toBeLessThan(1_500);
    const big = await postWebhook(`http://127.0.0.1:${port}/big`, "{}", {}, { policy: {}, timeoutMs: 5_000, maxResponseBytes: 1024 });
    expect(big).toMatchObject({ ok: true, httpStatus: 200 });
  });
});

describe("sendTestNotification", () => {
  it("sends one signed test message, reports status and latency, and refuses a policy-refused URL with a 422 on url", async () => {
    process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/test";
    const { sendTestNotification } = await import("./send-test-notification");
    const { verifyWebhookSignature } = await import("./webhook-signature");
    const got: Array<{ body: string; signature?: string }> = [];
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        got.push({ body, signature: request.headers["x-triage-signature"] as string | undefined });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const secret = "test-notification-secret-0123";
      const result = await sendTestNotification({ name: "ops", kind: "webhook", url, secret, routingKey: null });
      expect(result).toMatchObject({ ok: true, httpStatus: 200, error: null });
      expect(JSON.parse(got[0]!.body)).toMatchObject({ kind: "test", summary: expect.stringContaining("ops") });
      expect(verifyWebhookSignature(secret, got[0]!.body, got[0]!.signature)).toBe(true);
      await expect(sendTestNotification({ name: "bad", kind: "slack", url: "http://169.254.169.254/x", secret: null, routingKey: null })).rejects.toMatchObject({ status: 422, fields: { url: expect.stringMatching(/metadata/) } });
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
