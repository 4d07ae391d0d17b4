import { Rng } from "./random";
import { fakeApiKey, fakeJwt } from "./secrets";

/**
 * One request whose lines carry a secret in every place Triage reads: headers, url.path,
 * url.query, url.full, error type, message and stack, free text (`password: …`, `SECRET_KEY=…`),
 * secret-named fields, a header list logged as name/value pairs, a card number stored as a
 * number, even a service and an environment name; plus a second request of the same user whose
 * id is a token. Tests seed these next to ordinary demo logs and check that no secret comes out
 * of any answer. Every secret is unique, so finding one anywhere is a leak.
 */
export interface SecretDocuments {
  documents: Record<string, unknown>[];
  /** Exact strings that must never appear in anything Triage answers. */
  secrets: string[];
  requestId: string;
  userId: string;
  /** When the request happened (its first line). */
  at: Date;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const SECRET_CARD_NUMBER = 4111111111111111;

export function buildSecretDocuments(options: { seed: number; at: Date | number }): SecretDocuments {
  const rng = new Rng(options.seed);
  const at = new Date(options.at);
  const word = (prefix: string) => `${prefix}${rng.chars(24, ALNUM)}`;
  const exp = Math.floor(at.getTime() / 1000) + 3600;
  const s = {
    pathJwt: fakeJwt(rng, 41, exp),
    bearerJwt: fakeJwt(rng, 41, exp),
    pairJwt: fakeJwt(rng, 41, exp),
    relatedId: fakeJwt(rng, 41, exp),
    queryKey: fakeApiKey(rng),
    headerKey: fakeApiKey(rng),
    urlKey: fakeApiKey(rng),
    cookie: word("ck"),
    sessionId: word("sid"),
    pairCookie: word("pc"),
    password: word("pw"),
    urlPassword: word("up"),
    servicePassword: word("sp"),
    environmentToken: word("et"),
    typeToken: word("tt"),
    secretKey: word("sk"),
    envSecretKey: word("ek"),
    passphrase: word("pp"),
    stackPassphrase: word("sp"),
    camelSecretKey: word("ck"),
    signingKey: word("sg"),
    textToken: word("tx"),
  };
  const requestId = `leak-${rng.hex(12)}`;
  const userId = `u-leak-${rng.hex(6)}`;
  const time = (offsetMs: number) => new Date(at.getTime() + offsetMs).toISOString();
  const base = (service: string, offsetMs: number, level: string, message: string, id = requestId) => ({
    "@timestamp": time(offsetMs),
    log: { level, logger: "app" },
    service: { name: service, environment: "production" },
    host: { name: `${service}-1` },
    message,
    trace: { id: rng.hex(32) },
    transaction: { id: rng.hex(16) },
    span: { id: rng.hex(16) },
    http: { request: { id } },
    user: { id: userId },
  });
  const path = `/api/magic-link/${s.pathJwt}`;
  const documents: Record<string, unknown>[] = [
    {
      ...base("gateway", 900, "ERROR", `POST ${path} 500`),
      service: { name: "gateway", environment: `leaky token=${s.environmentToken}` },
      http: {
        request: { id: requestId, method: "POST", headers: { authorization: `Bearer ${s.bearerJwt}`, cookie: `session=${s.cookie}`, "x-api-key": s.headerKey } },
        response: { status_code: 500 },
      },
      url: { path, query: `page=1&api_key=${s.queryKey}`, full: `https://api.example.com${path}?page=1&api_key=${s.queryKey}` },
      user: { id: userId, session_id: s.sessionId },
      event: { duration: 800_000_000 },
    },
    {
      ...base("users", 300, "ERROR", `login failed for ${userId} with password: ${s.password}`),
      error: {
        type: `AuthError token=${s.typeToken}`,
        message: `login failed password: ${s.password} SECRET_KEY=${s.secretKey}`,
        stack_trace: `AuthError: login failed\n    at login (/app/auth.js:10:5) passphrase: ${s.stackPassphrase}`,
      },
    },
    {
      ...base("payments", 500, "DEBUG", `charging card 4111 1111 1111 1111 with token: ${s.textToken}`),
      payment: { pan: SECRET_CARD_NUMBER, passphrase: s.passphrase, secretKey: s.camelSecretKey, signing_key: s.signingKey },
      http: { request: { id: requestId, header_list: [{ name: "Cookie", value: `session=${s.pairCookie}` }, { name: "Authorization", value: `Bearer ${s.pairJwt}` }] } },
      process: { env: `SECRET_KEY=${s.envSecretKey} DEBUG=1` },
    },
    {
      ...base(`billing password=${s.servicePassword}`, 700, "ERROR", "charge refused"),
      error: { type: "BillingError", message: `upstream https://svc:${s.urlPassword}@billing.internal/charge?api_key=${s.urlKey} refused` },
    },
    // The same user's other request, whose id is itself a token: related requests must not show it.
    { ...base("gateway", 120_000, "INFO", "GET /api/profile 200", s.relatedId), http: { request: { id: s.relatedId, method: "GET" }, response: { status_code: 200 } }, url: { path: "/api/profile" } },
  ];
  return { documents, secrets: [...Object.values(s), "4111 1111 1111 1111", String(SECRET_CARD_NUMBER)], requestId, userId, at };
}
