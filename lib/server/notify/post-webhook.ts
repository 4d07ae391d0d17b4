import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { DeliveryResult } from "@/lib/schemas/contact-point";
import { assertWebhookUrlAllowed, WebhookUrlRefusedError, type WebhookUrlPolicy } from "../security/webhook-url-policy";

export interface PostOptions {
  policy: WebhookUrlPolicy;
  timeoutMs: number;
  /** Bytes of the response read at most (the rest is dropped); only the status matters. */
  maxResponseBytes?: number;
}

const RESPONSE_CAP = 16 * 1024;

/**
 * POSTs JSON to a contact point. The host is resolved ONCE and checked by the webhook URL policy,
 * and the connection goes to that very address (a pinned lookup), so a DNS answer that changes
 * between check and connect (DNS rebinding) cannot aim us elsewhere. Redirects are not followed
 * (node:http never does; a 3xx is a failed delivery), the whole exchange has a timeout, and at
 * most 16 KiB of the answer is read.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<DeliveryResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let pinned: string[] = [];
  try {
    const parsed = await assertWebhookUrlAllowed(url, { ...options.policy, lookup: async (host) => (pinned = await (options.policy.lookup ?? defaultLookup)(host)) });
    const address = pinned[0] ?? parsed.hostname.replace(/^\[|\]$/g, "");
    const status = await send(parsed, address, body, headers, options);
    const ok = status >= 200 && status < 300;
    return { ok, httpStatus: status, latencyMs: elapsed(), error: ok ? null : status >= 300 && status < 400 ? `answered ${status} (a redirect, not followed)` : `answered HTTP ${status}` };
  } catch (error) {
    const message = error instanceof WebhookUrlRefusedError ? error.message : `could not deliver: ${(error as Error).message}`;
    return { ok: false, httpStatus: null, latencyMs: elapsed(), error: message };
  }
}

async function defaultLookup(host: string): Promise<string[]> {
  const { lookup } = await import("node:dns/promises");
  return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
}

function send(url: URL, address: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<number> {
  const family = address.includes(":") ? 6 : 4;
  const lookup: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const transport = url.protocol === "https:" ? https : http;
  const cap = options.maxResponseBytes ?? RESPONSE_CAP;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method: "POST", lookup, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body).toString(), "user-agent": "Triage-Alerts/1", ...headers }, timeout: options.timeoutMs, signal: AbortSignal.timeout(options.timeoutMs) },
      (response) => {
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > cap) response.destroy();
        });
        response.on("close", () => resolve(response.statusCode ?? 0));
        response.on("error", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on("error", (error) => reject(error.name === "AbortError" ? new Error(`no answer within ${options.timeoutMs} ms`) : error));
    request.end(body);
  });
}
