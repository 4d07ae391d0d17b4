import { describe, expect, it } from "vitest";
import { redactionRuleSchema } from "@/lib/schemas/redaction";
import { DEFAULT_REDACTION_RULES, isPaymentCardNumber, parseRedactionRules, redactDocument, redactFieldValue, redactText, secretFieldRule } from "./redact";

const JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImV4cCI6MTcxODAwMDAwMH0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const text = (input: string) => redactText(input).value;

/** Each case: input, expected output. Negative cases expect the input back unchanged. */
function expectCases(cases: [string, string][]) {
  for (const [input, expected] of cases) expect(text(input), input).toBe(expected);
}

describe("value rules", () => {
  it("redacts bearer tokens in free text but not prose", () => {
    expectCases([
      ["got Bearer abc.def from client", "got Bearer [REDACTED bearer] from client"],
      ["bearer tk_live_9f8e7d6c", "bearer [REDACTED bearer]"],
      ["Bearer AbCdEfGhIjK", "Bearer [REDACTED bearer]"],
      ["the Bearer of bad news", "the Bearer of bad news"],
      ["Bearer token expired", "Bearer token expired"],
      ["use Bearer auth.", "use Bearer auth."],
    ]);
  });

  it("redacts Basic credentials but not the word basic", () => {
    expectCases([
      ["Basic dXNlcjpwYXNz", "Basic [REDACTED basic-auth]"],
      ["sent Basic dXNlcjpwYXNzd29yZA== upstream", "sent Basic [REDACTED basic-auth] upstream"],
      ["Basic authentication failed", "Basic authentication failed"],
      ["Basic HTTP auth", "Basic HTTP auth"],
    ]);
  });

  it("redacts authorization, cookie and api-key header lines", () => {
    expectCases([
      ["Authorization: Bearer " + JWT, "Authorization: [REDACTED auth-header-line]"],
      ["proxy-authorization: Basic Zm9vOmJhcg==", "proxy-authorization: [REDACTED auth-header-line]"],
      ["Cookie: session=abc; theme=dark\nAccept: */*", "Cookie: [REDACTED auth-header-line]\nAccept: */*"],
      ["X-Api-Key: tk_live_123", "X-Api-Key: [REDACTED auth-header-line]"],
      ["authorization failed for user 42", "authorization failed for user 42"],
    ]);
  });

  it("redacts JWTs anywhere, including unsigned ones", () => {
    expectCases([
      [`token ${JWT} expired`, "token [REDACTED jwt] expired"],
      ["eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "[REDACTED jwt]"],
      ["(" + JWT + ")", "([REDACTED jwt])"],
      ["eyJhbGciOiJIUzI1NiJ9 alone", "eyJhbGciOiJIUzI1NiJ9 alone"],
      ["xeyJa.b.c", "xeyJa.b.c"],
    ]);
  });

  it("redacts URL passwords but keeps the user and host", () => {
    expectCases([
      ["https://user:pass@host/x", "https://user:[REDACTED url-credentials]@host/x"],
      ["postgres://app:s3cr3t@db:5432/triage", "postgres://app:[REDACTED url-credentials]@db:5432/triage"],
      ["redis://:hunter2@cache:6379", "redis://:[REDACTED url-credentials]@cache:6379"],
      ["https://host:8080/path", "https://host:8080/path"],
      ["https://user@host/x", "https://user@host/x"],
    ]);
  });

  it("redacts secret query and form parameters, case-insensitively", () => {
    expectCases([
      ["/charge?api_key=tk_live_abc&page=2", "/charge?api_key=[REDACTED secret-param]&page=2"],
      ["?PASSWORD=x&Passwd=y&pwd=z", "?PASSWORD=[REDACTED secret-param]&Passwd=[REDACTED secret-param]&pwd=[REDACTED secret-param]"],
      ["?secret=a&token=b&access_token=c&apikey=d&key=e", "?secret=[REDACTED secret-param]&token=[REDACTED secret-param]&access_token=[REDACTED secret-param]&apikey=[REDACTED secret-param]&key=[REDACTED secret-param]"],
      ["login failed password=hunter2 user=bob", "login failed password=[REDACTED secret-param] user=bob"],
      ["DB_PASSWORD=xyz GITHUB_TOKEN=ghp_1", "DB_PASSWORD=[REDACTED secret-param] GITHUB_TOKEN=[REDACTED secret-param]"],
      ["https://example.com/list?page=2&sort=asc", "https://example.com/list?page=2&sort=asc"],
      ["cache key=user:42 max_tokens=5 PWD=/app", "cache key=user:42 max_tokens=5 PWD=/app"],
      ["password=", "password="],
    ]);
  });

  it("redacts `name: value` secrets in free text", () => {
    expectCases([
      ["login failed password: hunter2 for bob", "login failed password: [REDACTED secret-text] for bob"],
      ["token: abc.def, retrying", "token: [REDACTED secret-text], retrying"],
      ["X-Auth-Token: 9f8e7d", "X-Auth-Token: [REDACTED secret-text]"],
      ["passphrase:'correct horse battery' ok", "passphrase:'[REDACTED secret-text]' ok"],
      ['client_secret: "a b c"', 'client_secret: "[REDACTED secret-text]"'],
      ["session_id: 5f2b9c", "session_id: [REDACTED secret-text]"],
      ["cache key: user:42 token_count: 3 max_tokens: 5", "cache key: user:42 token_count: 3 max_tokens: 5"],
      ["the password is wrong", "the password is wrong"],
      ["password:", "password:"],
    ]);
  });

  it("redacts KEY=value secrets with secret-named keys", () => {
    expectCases([
      ["SECRET_KEY=s3cr3t DEBUG=1", "SECRET_KEY=[REDACTED secret-param] DEBUG=1"],
      ["env AWS_SECRET_ACCESS_KEY=abc SIGNING_KEY=def", "env AWS_SECRET_ACCESS_KEY=[REDACTED secret-param] SIGNING_KEY=[REDACTED secret-param]"],
      ["/login;jsessionid=A1B2C3?x=1", "/login;jsessionid=[REDACTED secret-param]?x=1"],
      ["api_key=tk_live_abc", "api_key=[REDACTED secret-param]"],
      ["PASSPHRASE=x", "PASSPHRASE=[REDACTED secret-param]"],
    ]);
  });

  it("redacts header lists serialised as name/value pairs", () => {
    expectCases([
      ['[{"name":"Cookie","value":"session=abc; theme=dark"},{"name":"Accept","value":"*/*"}]', '[{"name":"Cookie","value":"[REDACTED secret-pair]"},{"name":"Accept","value":"*/*"}]'],
      ['{name:"Cookie", value:"a=1"}', '{name:"Cookie", value:"[REDACTED secret-pair]"}'],
      ["{key: 'Authorization', value: 'Basic x y'}", "{key: 'Authorization', value: '[REDACTED secret-pair]'}"],
      ['{"name":"x-csrf-token","value":"t0k"}', '{"name":"x-csrf-token","value":"[REDACTED secret-pair]"}'],
      ['{"name":"release","value":"v1"}', '{"name":"release","value":"v1"}'],
    ]);
  });

  it("redacts secrets inside serialised JSON and reprs", () => {
    expectCases([
      ['{"user":"a","password":"hun\\"ter2","n":1}', '{"user":"a","password":"[REDACTED secret-json]","n":1}'],
      ["{'api_key': 'abc123'}", "{'api_key': '[REDACTED secret-json]'}"],
      ['{"authorization":"Basic Zm9vOmJhcg=="}', '{"authorization":"[REDACTED secret-json]"}'],
      ['{"password_hash_algo":"argon2","token_count":3}', '{"password_hash_algo":"argon2","token_count":3}'],
    ]);
  });

  it("redacts Luhn-valid card numbers, keeping the last four digits", () => {
    expectCases([
      ["card 4111 1111 1111 1111 exp 03/27", "card [REDACTED card ••••1111] exp 03/27"],
      ["4242-4242-4242-4242", "[REDACTED card ••••4242]"],
      ["pan=5555555555554444;", "pan=[REDACTED card ••••4444];"],
      ["amex 3782 822463 10005", "amex [REDACTED card ••••0005]"],
      ["order 4111111111111112 shipped", "order 4111111111111112 shipped"],
      ["took 1718000000000 ms", "took 1718000000000 ms"],
      ["duration 1718000000000000000ns", "duration 1718000000000000000ns"],
      ["big 41111111111111111111111", "big 41111111111111111111111"],
      ["ratio 0.4111111111111111", "ratio 0.4111111111111111"],
      ["trace 4bf92f3577b34da6a3ce929d0e0e4736", "trace 4bf92f3577b34da6a3ce929d0e0e4736"],
    ]);
  });

  it("checks card numbers by Luhn and network prefix", () => {
    expect(isPaymentCardNumber("4111111111111111")).toBe(true);
    expect(isPaymentCardNumber("2223003122003222")).toBe(true);
    expect(isPaymentCardNumber("4111111111111112")).toBe(false);
    // 1718000000006 passes Luhn but starts like an epoch millisecond timestamp.
    expect(isPaymentCardNumber("1718000000006")).toBe(false);
    expect(isPaymentCardNumber("411111111111")).toBe(false);
  });

  it("counts every replacement and leaves clean text alone", () => {
    expect(redactText(`Bearer ${JWT} and 4111111111111111`)).toEqual({ value: "Bearer [REDACTED bearer] and [REDACTED card ••••1111]", redactedCount: 2 });
    expect(redactText("GET /api/orders/42 200 in 12ms")).toEqual({ value: "GET /api/orders/42 200 in 12ms", redactedCount: 0 });
  });

  it("redacts a stack trace line by line", () => {
    const stack = `Error: upstream 401 for https://svc:pw@pay.internal/charge?token=abc\n    at charge (/app/pay.js:10:5)`;
    expect(text(stack)).toBe(`Error: upstream 401 for https://svc:[REDACTED url-credentials]@pay.internal/charge?token=[REDACTED secret-param]\n    at charge (/app/pay.js:10:5)`);
  });
});

describe("redactDocument", () => {
  const ecsDoc = () => ({
    "@timestamp": "2024-06-10T12:00:00.000Z",
    message: `GET /api/charges?api_key=tk_live_abc&page=2 with Bearer ${JWT}`,
    log: { level: "info" },
    event: { duration: 12_000_000, id: 1718000000006 },
    http: {
      request: {
        method: "POST",
        headers: { Authorization: `Bearer ${JWT}`, "set-cookie": ["a=1", "b=2"], "X-Api-Key": "k", accept: "application/json" },
        body: { content: '{"card":"4111 1111 1111 1111","password":"p"}' },
      },
      response: { status_code: 200 },
    },
    url: { path: "/api/charges", query: "page=2", password: "pw", username: "svc" },
    user: { id: "42", hasPassword: true, token: 123456 },
    tags: ["checkout", "4111111111111111"],
    order: { id: "4111111111111112" },
  });

  it("redacts a realistic ECS document with nested headers", () => {
    const { value, redactedCount } = redactDocument(ecsDoc());
    expect(value).toEqual({
      ...ecsDoc(),
      message: "GET /api/charges?api_key=[REDACTED secret-param]&page=2 with Bearer [REDACTED bearer]",
      http: {
        request: {
          method: "POST",
          headers: { Authorization: "[REDACTED auth-header]", "set-cookie": "[REDACTED auth-header]", "X-Api-Key": "[REDACTED auth-header]", accept: "application/json" },
          body: { content: '{"card":"[REDACTED card ••••1111]","password":"[REDACTED secret-json]"}' },
        },
        response: { status_code: 200 },
      },
      url: { path: "/api/charges", query: "page=2", password: "[REDACTED secret-field]", username: "svc" },
      user: { id: "42", hasPassword: true, token: "[REDACTED secret-field]" },
      tags: ["checkout", "[REDACTED card ••••1111]"],
    });
    expect(redactedCount).toBe(10);
  });

  it("redacts flat documents with dotted keys", () => {
    const flat = { "http.request.headers.authorization": "Basic Zm9vOmJhcg==", "http.request.headers.x-api-key": "k", "db.password": "p", "url.path": "/x", "event.duration": 5 };
    expect(redactDocument(flat)).toEqual({
      value: { "http.request.headers.authorization": "[REDACTED auth-header]", "http.request.headers.x-api-key": "[REDACTED auth-header]", "db.password": "[REDACTED secret-field]", "url.path": "/x", "event.duration": 5 },
      redactedCount: 3,
    });
  });

  it("covers the documented secret field names, and nothing around them", () => {
    const names = ["password", "passwd", "secret", "api_key", "apiKey", "token", "access_token", "refresh_token", "client_secret", "private_key", "cookie", "proxy-authorization"];
    const { value, redactedCount } = redactDocument(Object.fromEntries(names.map((n) => [n, "s"])));
    expect(redactedCount).toBe(names.length);
    expect(Object.values(value as object).every((v) => String(v).startsWith("[REDACTED "))).toBe(true);
    const kept = { tokens: 5, password_hash_algo: "argon2", key: "orders:42", secrets_count: 2, token_type: "Bearer" };
    expect(redactDocument(kept)).toEqual({ value: kept, redactedCount: 0 });
  });

  it("never mutates its input and returns fresh containers", () => {
    const doc = ecsDoc();
    const snapshot = structuredClone(doc);
    const { value } = redactDocument(doc);
    expect(doc).toEqual(snapshot);
    expect(value).not.toBe(doc);
    expect((value as typeof doc).log).not.toBe(doc.log);
    expect(Object.isFrozen(DEFAULT_REDACTION_RULES)).toBe(true);
  });

  it("leaves numbers, booleans, null and empty secrets alone", () => {
    const doc = { n: 4111111111111112, ms: 1718000000006, big: 41111111111111111111, b: true, nil: null, password: "", secret: null, list: [1, false, null] };
    expect(redactDocument(doc)).toEqual({ value: doc, redactedCount: 0 });
  });

  it("redacts card numbers stored as JSON numbers, Luhn-checked", () => {
    const doc = { payment: { pan: 4111111111111111, amex: 378282246310005 }, list: [5555555555554444, 7], order: 4111111111111112 };
    expect(redactDocument(doc)).toEqual({
      value: { payment: { pan: "[REDACTED card ••••1111]", amex: "[REDACTED card ••••0005]" }, list: ["[REDACTED card ••••4444]", 7], order: 4111111111111112 },
      redactedCount: 3,
    });
    expect(redactDocument({ pan: 4111111111111111 }, [])).toEqual({ value: { pan: 4111111111111111 }, redactedCount: 0 });
  });

  it("covers secret field names in camelCase, snake_case, kebab-case and dotted form", () => {
    const names = ["secret_key", "secretKey", "SECRET-KEY", "session_id", "sessionId", "session-id", "PHPSESSID", "passphrase", "user_passphrase", "signing_key", "signingKey", "signing-key", "encryptionKey", "cookies"];
    const { value, redactedCount } = redactDocument(Object.fromEntries(names.map((n) => [n, "s3cr3t"])));
    expect(Object.entries(value as object).filter(([, v]) => !String(v).startsWith("[REDACTED ")).map(([k]) => k)).toEqual([]);
    expect(redactedCount).toBe(names.length);
    const dotted = { "session.id": "a", signing: { key: "b" }, "jwt.signing.key": "c", user: { session: { id: "d" } }, credentials: { user: "e" } };
    expect(JSON.stringify(redactDocument(dotted).value)).not.toMatch(/"[abcde]"/);
    const kept = { key: "orders:42", session_count: 3, sessions: 2, monkey: "x", keyboard: "de", tokenizer: "standard", session: { started: "now" } };
    expect(redactDocument(kept)).toEqual({ value: kept, redactedCount: 0 });
  });

  it("redacts the value of header lists logged as name/value pairs", () => {
    const doc = {
      har: { headers: [{ name: "Cookie", value: "session=abc" }, { name: "Accept", value: "*/*" }] },
      aws: [{ Key: "Authorization", Value: "Bearer x" }, { key: "X-Api-Key", values: ["k1"] }, { name: "db_password", value: 42 }],
      plain: { name: "release", value: "v1.2" },
    };
    expect(redactDocument(doc)).toEqual({
      value: {
        har: { headers: [{ name: "Cookie", value: "[REDACTED auth-header]" }, { name: "Accept", value: "*/*" }] },
        aws: [{ Key: "Authorization", Value: "[REDACTED auth-header]" }, { key: "X-Api-Key", values: "[REDACTED auth-header]" }, { name: "db_password", value: "[REDACTED secret-field]" }],
        plain: { name: "release", value: "v1.2" },
      },
      redactedCount: 4,
    });
  });

  it("keeps a __proto__ key as data", () => {
    const doc = JSON.parse('{"__proto__": {"password": "p"}}') as unknown;
    const { value } = redactDocument(doc);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"password":"[REDACTED secret-field]"}}');
  });

  it("handles top-level strings and arrays", () => {
    expect(redactDocument(["Bearer a.b", { token: "t" }])).toEqual({ value: ["Bearer [REDACTED bearer]", { token: "[REDACTED secret-field]" }], redactedCount: 2 });
  });

  // Timing lives in scripts/time-redaction.ts; here the hostile inputs only have to come out whole (and within the test timeout).
  it("handles large hostile strings", () => {
    const hostile = [
      "a".repeat(100_000),
      "eyJ-".repeat(25_000),
      "eyJa.".repeat(20_000),
      "1234-".repeat(20_000),
      "&key".repeat(25_000),
      '"password":'.repeat(9_000),
      "Bearer ".repeat(14_000) + "x",
      "http://u:" + "p".repeat(100_000),
      "_".repeat(100_000) + "password=1",
      "password: ".repeat(10_000),
      '{"name":"Cookie",'.repeat(5_000),
      "token:'" + "x".repeat(100_000),
    ];
    for (const input of hostile) expect((redactDocument({ message: input }).value as { message: string }).message.length, input.slice(0, 20)).toBeGreaterThan(0);
  });
});

describe("secretFieldRule and redactFieldValue", () => {
  it("names the rule for secret fields, their sub-fields and the children of secret objects", () => {
    expect(secretFieldRule("http.request.headers.authorization")).toBe("auth-header");
    expect(secretFieldRule("http.request.headers.authorization.keyword")).toBe("auth-header");
    expect(secretFieldRule("http.request.headers.cookie")).toBe("auth-header");
    expect(secretFieldRule("credentials.user")).toBe("secret-field");
    expect(secretFieldRule("user.session.id")).toBe("secret-field");
    expect(secretFieldRule("jwt.signingKey")).toBe("secret-field");
    for (const field of ["url.query", "url.full", "message", "error.message.keyword", "http.request.id", "user.id", "service.name", "event.duration"]) expect(secretFieldRule(field), field).toBeNull();
  });

  it("knows user field rules and nothing with redaction off", () => {
    const rules = [...DEFAULT_REDACTION_RULES, ...parseRedactionRules('[{"name":"internal","field":"^x-internal-"}]')];
    expect(secretFieldRule("http.request.headers.x-internal-route", rules)).toBe("internal");
    expect(secretFieldRule("http.request.headers.authorization", [])).toBeNull();
  });

  it("redacts one value by its field: the marker for secret fields, the value rules otherwise", () => {
    expect(redactFieldValue("http.request.headers.authorization", `Bearer ${JWT}`)).toEqual({ value: "[REDACTED auth-header]", redactedCount: 1 });
    expect(redactFieldValue("url.query", "page=2&api_key=tk_live_abc")).toEqual({ value: "page=2&api_key=[REDACTED secret-param]", redactedCount: 1 });
    expect(redactFieldValue("payment.pan", 4111111111111111)).toEqual({ value: "[REDACTED card ••••1111]", redactedCount: 1 });
    expect(redactFieldValue("http.response.status_code", 500)).toEqual({ value: 500, redactedCount: 0 });
    expect(redactFieldValue("user.token", 123)).toEqual({ value: "[REDACTED secret-field]", redactedCount: 1 });
  });
});

describe("parseRedactionRules", () => {
  it("parses value and field rules and applies them after the defaults", () => {
    const extra = parseRedactionRules(String.raw`[{"name":"ssn","pattern":"\\b\\d{3}-\\d{2}-\\d{4}\\b"}, {"name":"internal","field":"^x-internal-"}]`);
    const rules = [...DEFAULT_REDACTION_RULES, ...extra];
    const doc = { message: "ssn 123-45-6789 on file", headers: { "X-Internal-Route": "blue", accept: "*/*" }, "http.request.headers.x-internal-id": "7" };
    expect(redactDocument(doc, rules)).toEqual({
      value: { message: "ssn [REDACTED ssn] on file", headers: { "X-Internal-Route": "[REDACTED internal]", accept: "*/*" }, "http.request.headers.x-internal-id": "[REDACTED internal]" },
      redactedCount: 3,
    });
    expect(redactText("ssn 123-45-6789", extra)).toEqual({ value: "ssn [REDACTED ssn]", redactedCount: 1 });
  });

  it("returns no rules for empty config", () => {
    expect(parseRedactionRules("")).toEqual([]);
    expect(parseRedactionRules("  ")).toEqual([]);
  });

  it("rejects invalid regexes with a message naming the rule", () => {
    expect(() => parseRedactionRules('[{"name":"broken","pattern":"(unclosed"}]')).toThrow(/rule "broken": pattern is not a valid regular expression/);
    expect(() => parseRedactionRules('[{"name":"empty","pattern":"a*"}]')).toThrow(/rule "empty": pattern must not match an empty string/);
    expect(() => parseRedactionRules('[{"name":"ok","pattern":"x"},{"name":"f","field":"["}]')).toThrow(/at \[1.field\] rule "f": field is not a valid/);
  });

  it("rejects malformed config", () => {
    expect(() => parseRedactionRules("{not json")).toThrow(/not valid JSON/);
    expect(() => parseRedactionRules('{"name":"x"}')).toThrow(/Invalid redaction rules/);
    expect(() => parseRedactionRules('[{"name":"both","pattern":"a","field":"b"}]')).toThrow(/rule "both" needs exactly one of "pattern" or "field"/);
    expect(() => parseRedactionRules('[{"name":"bad name]","pattern":"a"}]')).toThrow(/name uses letters/);
    expect(() => parseRedactionRules('[{"name":"x","pattern":"a","flags":"g"}]')).toThrow(/flags/);
  });

  it("exposes the schema for forms", () => {
    expect(redactionRuleSchema.safeParse({ name: "ssn", pattern: "\\d{3}" }).success).toBe(true);
    expect(redactionRuleSchema.safeParse({ name: "ssn", pattern: "(" }).success).toBe(false);
  });
});
