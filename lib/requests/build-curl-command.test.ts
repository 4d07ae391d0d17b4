import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { generateDemoLogs } from "@/lib/demo/generate-demo-logs";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import { redactDocument } from "@/lib/logs/redact";
import { curlCommandSchema } from "@/lib/schemas/request-drilldown";
import { buildCurlCommand, buildRequestCurl, shellQuote } from "./build-curl-command";
import type { RequestLogInput } from "./read-log-fields";

const { documents } = generateDemoLogs({ seed: 1234, anchor: "2025-06-01T12:00:30.000Z", targetLines: 6000 });
const options = { mapping: ECS_FIELD_MAPPING, defaultOrigin: "https://api.shop.example" };

function linesOf(requestId: string): RequestLogInput[] {
  return documents
    .filter((doc) => doc.http.request.id === requestId)
    .map((doc, index) => ({ id: `${requestId}#${index}`, source: doc as unknown as Record<string, unknown> }));
}

/** Everything that must never leave: the header names' values, JWTs, API keys. */
function expectNoSecrets(text: string, secrets: string[]) {
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/bearer|eyJ|tk_live_|cookie|authorization/i);
}

describe("buildRequestCurl on demo requests", () => {
  it("never copies the bearer token a gateway logged, and keeps the same X-Request-ID", () => {
    const logged = documents.filter((d) => d.service.name === "gateway" && d.http.request.headers?.authorization?.startsWith("Bearer "));
    expect(logged.length).toBeGreaterThan(3);
    for (const doc of logged) {
      const token = doc.http.request.headers!.authorization.slice("Bearer ".length);
      const requestId = doc.http.request.id;
      const curl = buildRequestCurl(linesOf(requestId), { ...options, requestId })!;
      expectNoSecrets(curl.command, [token, token.split(".")[2]!]);
      expect(JSON.stringify(curl)).not.toContain(token.slice(0, 40));
      expect(JSON.stringify(curl)).not.toMatch(/Bearer/);
      expect(curl.omittedHeaders).toEqual(["authorization"]);
      expect(curl.command).toContain(`-H 'X-Request-ID: ${requestId}'`);
      expect(curl.command).toContain(`${doc.url!.path}`);
      expect(curl.method).toBe(doc.http.request.method);
      expect(curlCommandSchema.parse(curl)).toEqual(curl);
    }
  });

  it("also holds when the server already redacted the documents", () => {
    const doc = documents.find((d) => d.http.request.headers?.authorization)!;
    const redacted = linesOf(doc.http.request.id).map((line) => ({ ...line, source: redactDocument(line.source).value }));
    const curl = buildRequestCurl(redacted, { ...options, requestId: doc.http.request.id })!;
    expect(curl.command).not.toMatch(/REDACTED|authorization/i);
    expect(curl.omittedHeaders).toEqual(["authorization"]);
  });

  it("drops an API key from the query string but keeps the other parameters", () => {
    const doc = documents.find((d) => d.service.name === "gateway" && d.url?.full?.includes("api_key="))!;
    expect(doc).toBeDefined();
    const apiKey = /api_key=([^&]+)/.exec(doc.url!.full!)![1]!;
    const curl = buildRequestCurl(linesOf(doc.http.request.id), { ...options, requestId: doc.http.request.id })!;
    expectNoSecrets(JSON.stringify(curl), [apiKey]);
    expect(curl.omittedQueryParams).toEqual(["api_key"]);
    expect(curl.url).toBe(doc.url!.full!.replace(/&api_key=[^&]+/, ""));
    expect(curl.url).toMatch(/^https:\/\/api\.shop\.example\/api\/orders\?status=\w+&page=\d$/);
  });

  it("reproduces a plain request: GET without -X, the public origin, the user agent", () => {
    const doc = documents.find((d) => d.service.name === "gateway" && d.http.request.method === "GET" && !d.url?.full && !d.http.request.headers)!;
    const curl = buildRequestCurl(linesOf(doc.http.request.id), { ...options, requestId: doc.http.request.id })!;
    expect(curl.command).toBe(
      [`curl 'https://api.shop.example${doc.url!.path}'`, `-H 'X-Request-ID: ${doc.http.request.id}'`, `-H ${shellQuote(`User-Agent: ${doc.user_agent!.original}`)}`].join(" \\\n  "),
    );
    expect(curl.omittedHeaders).toEqual([]);
    expect(curl.notes).toEqual([]);
  });

  it("enters at the gateway even when inner services answered first", () => {
    const doc = documents.find((d) => d.service.name === "gateway" && d.http.request.method === "POST" && d.url?.path === "/api/orders/checkout")!;
    const curl = buildRequestCurl(linesOf(doc.http.request.id), { ...options, requestId: doc.http.request.id })!;
    expect(curl.command.startsWith("curl -X POST 'https://api.shop.example/api/orders/checkout'")).toBe(true);
    expect(curl.notes.join(" ")).toMatch(/body is not in the logs/);
  });
});

describe("buildCurlCommand on hand-built lines", () => {
  const base = { "@timestamp": "2025-06-01T12:00:00Z", "http.request.method": "post", "http.response.status_code": 200 };

  it("drops every secret-looking header by name and by value, and hop-by-hop headers", () => {
    const curl = buildCurlCommand(
      {
        ...base,
        "url.full": "https://alice:hunter2@shop.example/api/v1/cart?page=2&access_token=abc123&Signature=zz&code=42&q=it%27s",
        "http.request.headers.Authorization": "Basic YWxpY2U6aHVudGVyMg==",
        "http.request.headers.cookie": "sid=s3cr3t",
        "http.request.headers.x-api-key": "k-1",
        "http.request.headers.x-csrf-token": "t-1",
        "http.request.headers.x-client-secret": "s-1",
        "http.request.headers.x_session_id": "sess-1",
        "http.request.headers.x-note": "Bearer abcdefghijklmnop1234",
        "http.request.headers.x-multi-line": "a\r\nInjected: yes",
        "http.request.headers.content-length": "12",
        "http.request.headers.x-request-id": "old-id",
        "http.request.headers.accept": ["application/json", "text/plain"],
        "http.request.headers.x-tenant": "it's me",
      },
      { ...options, requestId: "req-new" },
    );
    expect(curl.headers).toEqual([
      { name: "X-Request-ID", value: "req-new" },
      { name: "accept", value: "application/json, text/plain" },
      { name: "x-tenant", value: "it's me" },
    ]);
    expect(curl.omittedHeaders).toEqual(["authorization", "cookie", "x-api-key", "x-csrf-token", "x-client-secret", "x-session-id", "x-note"]);
    expect(curl.url).toBe("https://shop.example/api/v1/cart?page=2&q=it%27s");
    expect(curl.omittedQueryParams).toEqual(["access_token", "Signature", "code"]);
    expect(curl.command).toBe(
      ["curl -X POST 'https://shop.example/api/v1/cart?page=2&q=it%27s'", "-H 'X-Request-ID: req-new'", "-H 'accept: application/json, text/plain'", "-H 'x-tenant: it'\\''s me'"].join(" \\\n  "),
    );
    expectNoSecrets(curl.command, ["hunter2", "YWxpY2U6aHVudGVyMg", "s3cr3t", "abc123", "k-1", "t-1", "s-1", "sess-1", "abcdefghijklmnop1234", "Injected"]);
    expect(curl.notes.join(" ")).toMatch(/credentials in the URL/);
  });

  it("builds the URL from ECS parts, encodes unsafe characters and turns off curl's globbing", () => {
    const curl = buildCurlCommand(
      { ...base, "http.request.method": "GET", "url.scheme": "http", "url.domain": "orders.internal", "url.port": 8080, "url.path": "/search result/ü", "url.query": "ids[]=1&password=x" },
      { mapping: ECS_FIELD_MAPPING, requestId: "abc" },
    );
    expect(curl.url).toBe("http://orders.internal:8080/search%20result/%C3%BC?ids[]=1");
    expect(curl.command.startsWith("curl --globoff 'http://orders.internal:8080/")).toBe(true);
    expect(curl.omittedQueryParams).toEqual(["password"]);
  });

  it("says when it had to guess the host, and never runs anything a shell would expand", () => {
    const curl = buildCurlCommand({ ...base, "url.path": "/x/$(touch pwned)/`id`/'q'" }, { mapping: ECS_FIELD_MAPPING, requestId: "id'; rm -rf / #" });
    expect(curl.notes[0]).toMatch(/do not name the host.*http:\/\/localhost/);
    const echoed = execFileSync("bash", ["-c", curl.command.replace(/^curl/, "printf '%s\\n'")], { encoding: "utf8" });
    expect(echoed.split("\n")).toEqual(["-X", "POST", "http://localhost/x/$(touch%20pwned)/`id`/'q'", "-H", "X-Request-ID: id'; rm -rf / #", ""]);
  });

  it("refuses an id a header cannot carry", () => {
    expect(() => buildCurlCommand(base, { mapping: ECS_FIELD_MAPPING, requestId: "a\nInjected: 1" })).toThrow(/control character/);
    expect(() => buildCurlCommand(base, { mapping: ECS_FIELD_MAPPING, requestId: "x".repeat(257) })).toThrow(/too long/);
  });

  it("quotes for POSIX shells", () => {
    expect(shellQuote("plain")).toBe("'plain'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("$HOME `x` \\n")).toBe("'$HOME `x` \\n'");
  });
});
