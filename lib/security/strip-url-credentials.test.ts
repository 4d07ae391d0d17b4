import { describe, expect, it } from "vitest";
import { stripUrlCredentials, stripUrlCredentialsInText } from "./strip-url-credentials";

describe("stripUrlCredentials", () => {
  it("drops userinfo, whatever it holds", () => {
    expect(stripUrlCredentials("http://triage:s3cr3t@logs.internal:9200")).toBe("http://logs.internal:9200");
    expect(stripUrlCredentials("https://user@host/path")).toBe("https://host/path");
    expect(stripUrlCredentials("https://a:p@ss@w0rd@host:443/x?y=1#z")).toBe("https://host:443/x?y=1#z");
    expect(stripUrlCredentials("http://:token@host")).toBe("http://host");
    expect(stripUrlCredentials("postgresql://app:pw@db:5432/triage?sslmode=require")).toBe("postgresql://db:5432/triage?sslmode=require");
  });

  it("replaces the values of secret-looking query parameters, keeping the rest as written", () => {
    expect(stripUrlCredentials("https://es:9200/?api_key=abc&pretty=true")).toBe("https://es:9200/?api_key=[REDACTED]&pretty=true");
    expect(stripUrlCredentials("https://h/x?access_token=t;sig=s&X-Amz-Signature=v&page=2#frag")).toBe("https://h/x?access_token=[REDACTED];sig=[REDACTED]&X-Amz-Signature=[REDACTED]&page=2#frag");
    expect(stripUrlCredentials("https://h/x?pass%77ord=p&flag")).toBe("https://h/x?pass%77ord=[REDACTED]&flag");
  });

  it("leaves URLs without credentials and non-URLs alone", () => {
    for (const url of ["http://127.0.0.1:9200", "https://logs.example.com/_search?q=a@b", "not a url", "mailto:a@b.c"]) expect(stripUrlCredentials(url)).toBe(url);
  });
});

describe("stripUrlCredentialsInText", () => {
  it("strips every URL inside a message, a stack or a JSON log line", () => {
    expect(stripUrlCredentialsInText("Elasticsearch at http://u:p@es:9200 is unreachable: connect ECONNREFUSED")).toBe("Elasticsearch at http://es:9200 is unreachable: connect ECONNREFUSED");
    expect(stripUrlCredentialsInText('{"message":"from https://a:b@x/y?token=t and http://c:d@z","n":1}')).toBe('{"message":"from https://x/y?token=[REDACTED] and http://z","n":1}');
    expect(stripUrlCredentialsInText("TypeError: Request cannot be constructed from a URL that includes credentials: http://u:p@h/\\n    at x")).toBe(
      "TypeError: Request cannot be constructed from a URL that includes credentials: http://h/\\n    at x",
    );
    expect(stripUrlCredentialsInText("no urls here: user:pass@host")).toBe("no urls here: user:pass@host");
  });
});
