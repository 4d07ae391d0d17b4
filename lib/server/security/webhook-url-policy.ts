import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { z } from "zod";
import {
  addressRefusalReason,
  checkWebhookUrlSyntax,
  classifyAddress,
  hostMatchesAllowlist,
  isMetadataHostname,
  normalizeHostname,
  parseIpAddress,
} from "@/lib/security/webhook-url-rules";

/**
 * SSRF guard for user-configured webhook URLs.
 *
 * Decision: loopback and private addresses are ALLOWED by default, because self-hosted Triage
 * commonly notifies an internal Slack-compatible gateway; WEBHOOK_ALLOW_PRIVATE=false refuses them.
 * Link-local, cloud metadata, unspecified/reserved and multicast addresses are ALWAYS refused,
 * whatever the allowlist says: the allowlist narrows what is allowed, it never widens it.
 *
 * This checks the URL when it is saved and should be re-run right before each send; the sender
 * must also not follow redirects, or a vetted URL could bounce to a refused one.
 */

export interface WebhookUrlPolicy {
  /** When non-empty, the host must equal an entry or match a "*.example.com" entry. */
  allowlist?: readonly string[];
  /** Allow loopback and private-network addresses (default true). */
  allowPrivate?: boolean;
  /** Resolves a host name to IP addresses; defaults to the system resolver. Injectable for tests. */
  lookup?: (host: string) => Promise<string[]>;
}

export class WebhookUrlRefusedError extends Error {
  constructor(
    message: string,
    /** Short reason without the URL, e.g. "cloud metadata address". */
    readonly reason: string,
  ) {
    super(message);
    this.name = "WebhookUrlRefusedError";
  }
}

const DNS_TIMEOUT_MS = 5_000;

async function systemLookup(host: string): Promise<string[]> {
  const addresses = await dnsLookup(host, { all: true, verbatim: true });
  return addresses.map((entry) => entry.address);
}

async function resolveOrRefuse(host: string, lookup: (host: string) => Promise<string[]>, refuse: (reason: string) => never): Promise<string[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("DNS lookup timed out"), { code: "ETIMEOUT" })), DNS_TIMEOUT_MS);
  });
  try {
    const addresses = await Promise.race([lookup(host), timeout]);
    if (addresses.length === 0) refuse(`host ${host} cannot be resolved (no addresses)`);
    return addresses;
  } catch (error) {
    if (error instanceof WebhookUrlRefusedError) throw error;
    const code = (error as { code?: unknown }).code;
    return refuse(`host ${host} cannot be resolved${typeof code === "string" ? ` (${code})` : ""}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Returns the parsed URL when it may receive webhooks, or throws WebhookUrlRefusedError.
 * Order: syntax, metadata host names, allowlist (before any DNS), then every resolved address.
 */
export async function assertWebhookUrlAllowed(url: string, policy: WebhookUrlPolicy = {}): Promise<URL> {
  const syntax = checkWebhookUrlSyntax(url);
  // The raw input may hold credentials, so it is never echoed.
  if (!syntax.ok) throw new WebhookUrlRefusedError(`webhook URL is refused: it ${syntax.message}`, syntax.message);
  const parsed = syntax.url;
  // Origin only: webhook paths often carry the secret (hooks.example.com/services/T0/B0/<secret>).
  const shown = `${parsed.protocol}//${parsed.host}/`;
  const refuse = (reason: string): never => {
    throw new WebhookUrlRefusedError(`webhook URL ${shown} is refused: ${reason}`, reason);
  };

  const host = normalizeHostname(parsed.hostname);
  if (isMetadataHostname(host)) refuse("cloud metadata host name");
  const allowlist = policy.allowlist ?? [];
  if (allowlist.length > 0 && !hostMatchesAllowlist(host, allowlist)) refuse(`host ${host} is not in the webhook allowlist`);

  const allowPrivate = policy.allowPrivate ?? true;
  const isLiteral = parseIpAddress(host) !== null;
  const addresses = isLiteral ? [host] : await resolveOrRefuse(host, policy.lookup ?? systemLookup, refuse);
  for (const address of addresses) {
    let reason: string | null;
    try {
      reason = addressRefusalReason(classifyAddress(address), allowPrivate);
    } catch {
      reason = "resolver returned something that is not an IP address";
    }
    if (reason) refuse(isLiteral ? reason : `host ${host} resolves to ${address}, a ${reason}`);
  }
  return parsed;
}

const hostEntry = z
  .string()
  .regex(/^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$|^\[?[0-9a-f:.]+\]?$/, "entries are host names, *.domain suffixes or IP addresses");

const webhookEnvSchema = z.object({
  WEBHOOK_ALLOWLIST: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((entry) => entry.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(hostEntry)),
  WEBHOOK_ALLOW_PRIVATE: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim().toLowerCase())
    .pipe(z.enum(["", "true", "false"], { message: 'must be "true" or "false"' }))
    .transform((value) => value !== "false"),
});

/** Reads WEBHOOK_ALLOWLIST (comma-separated) and WEBHOOK_ALLOW_PRIVATE ("false" refuses private/loopback). */
export function webhookPolicyFromEnv(env: Record<string, string | undefined> = process.env): WebhookUrlPolicy {
  const parsed = webhookEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return { allowlist: parsed.data.WEBHOOK_ALLOWLIST, allowPrivate: parsed.data.WEBHOOK_ALLOW_PRIVATE };
}
