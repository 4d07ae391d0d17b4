import { describe, expect, it } from "vitest";
import { assertWebhookUrlAllowed, webhookPolicyFromEnv, WebhookUrlRefusedError } from "./webhook-url-policy";

/** Resolves the promise's rejection so message and type can both be checked. */
async function refusal(promise: Promise<unknown>): Promise<WebhookUrlRefusedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookUrlRefusedError);
  return error as WebhookUrlRefusedError;
}

describe("assertWebhookUrlAllowed with the system resolver", () => {
  it("allows localhost by default and refuses it when private targets are off", async () => {
    const url = await assertWebhookUrlAllowed("http://localhost:9/");
    expect(url.href).toBe("http://localhost:9/");
    const error = await refusal(assertWebhookUrlAllowed("http://localhost:9/", { allowPrivate: false }));
    expect(error.message).toMatch(/^webhook URL http:\/\/localhost:9\/ is refused: host localhost resolves to (127\.0\.0\.1|::1), a loopback address$/);
  });

  it("refuses the cloud metadata address, also IPv4-mapped and in other spellings", async () => {
    expect((await refusal(assertWebhookUrlAllowed("http://169.254.169.254/latest/meta-data"))).message).toBe(
      "webhook URL http://169.254.169.254/ is refused: cloud metadata address",
    );
    expect((await refusal(assertWebhookUrlAllowed("http://[::ffff:169.254.169.254]/"))).reason).toBe("cloud metadata address");
    // The URL parser normalises hex and single-number IPv4 forms to dotted quads.
    expect((await refusal(assertWebhookUrlAllowed("http://0xa9fea9fe/"))).reason).toBe("cloud metadata address");
    expect((await refusal(assertWebhookUrlAllowed("http://2852039166/"))).reason).toBe("cloud metadata address");
    expect((await refusal(assertWebhookUrlAllowed("http://[fd00:ec2::254]/"))).reason).toBe("cloud metadata address");
    expect((await refusal(assertWebhookUrlAllowed("http://Metadata.Google.Internal./computeMetadata/v1/"))).reason).toBe("cloud metadata host name");
  });

  it("always refuses link-local, unspecified and multicast, even with private allowed", async () => {
    expect((await refusal(assertWebhookUrlAllowed("http://169.254.10.1/", { allowPrivate: true }))).reason).toBe("link-local address");
    expect((await refusal(assertWebhookUrlAllowed("http://[fe80::1]/"))).reason).toBe("link-local address");
    expect((await refusal(assertWebhookUrlAllowed("http://0.0.0.0:8080/"))).reason).toBe("unspecified or reserved address");
    expect((await refusal(assertWebhookUrlAllowed("http://224.0.0.1/"))).reason).toBe("multicast or broadcast address");
  });

  it("allows private literals by default and refuses them when configured", async () => {
    await expect(assertWebhookUrlAllowed("http://10.0.0.5:8080/notify")).resolves.toBeInstanceOf(URL);
    await expect(assertWebhookUrlAllowed("http://[fd12::1]/")).resolves.toBeInstanceOf(URL);
    expect((await refusal(assertWebhookUrlAllowed("http://192.168.1.10/", { allowPrivate: false }))).message).toBe(
      "webhook URL http://192.168.1.10/ is refused: private network address",
    );
  });

  it("refuses a host that does not resolve, with a clear message", async () => {
    const error = await refusal(assertWebhookUrlAllowed("http://does-not-exist.invalid/"));
    expect(error.message).toMatch(/^webhook URL http:\/\/does-not-exist\.invalid\/ is refused: host does-not-exist\.invalid cannot be resolved/);
  });

  it("refuses bad syntax without echoing the URL", async () => {
    for (const url of ["ftp://example.com/", "javascript:alert(1)", "http://user:hunter2@example.com/"]) {
      const error = await refusal(assertWebhookUrlAllowed(url));
      expect(error.message).toMatch(/^webhook URL is refused: it /);
      expect(error.message).not.toContain("hunter2");
    }
  });

  it("checks the allowlist before DNS and still refuses dangerous literals on it", async () => {
    const allowlist = ["localhost", "*.example.test", "169.254.169.254"];
    await expect(assertWebhookUrlAllowed("http://localhost:9/", { allowlist })).resolves.toBeInstanceOf(URL);
    // Not on the list: refused before any lookup, so an unresolvable name reports the allowlist.
    expect((await refusal(assertWebhookUrlAllowed("http://does-not-exist.invalid/", { allowlist }))).reason).toBe(
      "host does-not-exist.invalid is not in the webhook allowlist",
    );
    expect((await refusal(assertWebhookUrlAllowed("http://example.test/", { allowlist }))).reason).toMatch(/not in the webhook allowlist/);
    // On the list but unresolvable.
    expect((await refusal(assertWebhookUrlAllowed("http://hooks.example.test/", { allowlist }))).reason).toMatch(/cannot be resolved/);
    expect((await refusal(assertWebhookUrlAllowed("http://169.254.169.254/", { allowlist }))).reason).toBe("cloud metadata address");
  });
});

describe("assertWebhookUrlAllowed with an injected resolver", () => {
  const resolvingTo = (...addresses: string[]) => async () => addresses;

  it("refuses when ANY resolved address is dangerous", async () => {
    const error = await refusal(assertWebhookUrlAllowed("https://hooks.example.com/x", { lookup: resolvingTo("93.184.216.34", "169.254.169.254") }));
    expect(error.message).toBe("webhook URL https://hooks.example.com/ is refused: host hooks.example.com resolves to 169.254.169.254, a cloud metadata address");
    await expect(assertWebhookUrlAllowed("https://hooks.example.com/x", { lookup: resolvingTo("93.184.216.34", "2606:4700::1") })).resolves.toBeInstanceOf(URL);
    expect((await refusal(assertWebhookUrlAllowed("https://hooks.example.com/x", { allowPrivate: false, lookup: resolvingTo("93.184.216.34", "10.0.0.1") }))).reason).toMatch(
      /private network address$/,
    );
  });

  it("passes the normalised host to the resolver", async () => {
    const seen: string[] = [];
    await assertWebhookUrlAllowed("https://Hooks.Example.COM./x", { lookup: async (host) => (seen.push(host), ["93.184.216.34"]) });
    expect(seen).toEqual(["hooks.example.com"]);
  });

  it("does not call the resolver for IP literals or allowlist misses", async () => {
    const lookup = async () => {
      throw new Error("must not be called");
    };
    await expect(assertWebhookUrlAllowed("http://93.184.216.34/", { lookup })).resolves.toBeInstanceOf(URL);
    expect((await refusal(assertWebhookUrlAllowed("http://other.example/", { allowlist: ["a.example"], lookup }))).reason).toMatch(/allowlist/);
  });

  it("refuses empty answers, resolver errors and non-IP answers", async () => {
    expect((await refusal(assertWebhookUrlAllowed("http://a.example/", { lookup: resolvingTo() }))).reason).toBe("host a.example cannot be resolved (no addresses)");
    const failing = async () => {
      throw Object.assign(new Error("queryA EAI_AGAIN"), { code: "EAI_AGAIN" });
    };
    expect((await refusal(assertWebhookUrlAllowed("http://a.example/", { lookup: failing }))).reason).toBe("host a.example cannot be resolved (EAI_AGAIN)");
    expect((await refusal(assertWebhookUrlAllowed("http://a.example/", { lookup: resolvingTo("not-an-ip") }))).reason).toMatch(/not an IP address/);
  });
});

describe("webhookPolicyFromEnv", () => {
  it("defaults to no allowlist and private targets allowed", () => {
    expect(webhookPolicyFromEnv({})).toEqual({ allowlist: [], allowPrivate: true });
  });

  it("reads the allowlist and the private switch", () => {
    expect(webhookPolicyFromEnv({ WEBHOOK_ALLOWLIST: " hooks.slack.com, *.Example.com ,,", WEBHOOK_ALLOW_PRIVATE: "FALSE" })).toEqual({
      allowlist: ["hooks.slack.com", "*.example.com"],
      allowPrivate: false,
    });
    expect(webhookPolicyFromEnv({ WEBHOOK_ALLOW_PRIVATE: "true" }).allowPrivate).toBe(true);
  });

  it("rejects malformed values with the variable name", () => {
    expect(() => webhookPolicyFromEnv({ WEBHOOK_ALLOW_PRIVATE: "flase" })).toThrow(/WEBHOOK_ALLOW_PRIVATE: must be "true" or "false"/);
    expect(() => webhookPolicyFromEnv({ WEBHOOK_ALLOWLIST: "https://hooks.slack.com/x" })).toThrow(/WEBHOOK_ALLOWLIST/);
  });
});
