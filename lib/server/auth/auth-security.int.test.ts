import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";
import type { ApiRoute } from "@/lib/testing/route-harness";
import { createPeerSecret, PEER_HEADER, peerStamp } from "@/scripts/lib/peer-stamp.mjs";
import { closeRouteTestDatabase } from "@/lib/testing/route-test-database";

// What scripts/serve.mjs does for its process: a fresh secret in the app's environment.
const PEER_SECRET = createPeerSecret();
/** The header serve.mjs stamps for a client connected from `address`. */
const fromPeer = (address: string) => ({ [PEER_HEADER]: peerStamp(PEER_SECRET, address) });

let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let db: ReturnType<typeof import("@/lib/server/db").getDb>;

beforeAll(async () => {
  database = await createTestDatabase("triage_authsec");
  process.env.DATABASE_URL = database.url;
  process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = "3";
  process.env.LOGIN_MAX_FAILURES_PER_ADDRESS = "6";
  process.env.TRIAGE_PEER_SECRET = PEER_SECRET;
  harness = await import("@/lib/testing/route-harness");
  db = (await import("@/lib/server/db")).getDb();
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, "../../../app"));
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

const route = (urlPath: string) => routes.find((candidate) => candidate.path === urlPath)!;
const login = (body: unknown, headers: Record<string, string> = {}) =>
  harness.callRoute(route("/api/auth/login"), "POST", { body, headers: { origin: harness.TEST_ORIGIN, ...fromPeer("10.9.8.7"), ...headers } });
const me = (headers: Record<string, string>) => harness.callRoute(route("/api/auth/me"), "GET", { headers });

async function makeUser(password = "correct horse battery") {
  const { hashPassword } = await import("@/lib/server/auth/password");
  const email = `user-${crypto.randomUUID().slice(0, 8)}@triage.test`;
  const user = await db.user.create({ data: { email, name: "U", passwordHash: await hashPassword(password), role: "editor" } });
  return { ...user, password };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error("timed out waiting for the condition");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function sessionCookie(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const match = /triage_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `triage_session=${match[1]}`;
}

describe("login and sessions", () => {
  it("signs in, sets an http-only SameSite cookie, and the session works", async () => {
    const user = await makeUser();
    const response = await login({ email: user.email.toUpperCase(), password: user.password });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    const who = await me({ cookie: sessionCookie(response) });
    expect(await who.json()).toMatchObject({ email: user.email, role: "editor", via: "session" });
    const stored = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(sessionCookie(response)).not.toContain(stored.tokenHash);
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const user = await makeUser();
    const wrong = await login({ email: user.email, password: "not the password" });
    const unknown = await login({ email: `nobody-${crypto.randomUUID()}@triage.test`, password: "whatever" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
  });

  it("refuses an expired session (absolute) and an idle one", async () => {
    const { createSession } = await import("./create-session");
    const user = await makeUser();
    const absolute = await createSession(user.id, {});
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me({ cookie: `triage_session=${absolute.token}` })).status).toBe(401);
    const idle = await createSession(user.id, {});
    await db.session.updateMany({ where: { userId: user.id }, data: { idleExpiresAt: new Date(Date.now() - 1000) } });
    expect((await me({ cookie: `triage_session=${idle.token}` })).status).toBe(401);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("logout ends this session; logout everywhere ends them all", async () => {
    const user = await makeUser();
    const first = sessionCookie(await login({ email: user.email, password: user.password }));
    const second = sessionCookie(await login({ email: user.email, password: user.password }));
    const logout = route("/api/auth/logout");
    expect((await harness.callRoute(logout, "POST", { headers: { cookie: first, origin: harness.TEST_ORIGIN } })).status).toBe(200);
    expect((await me({ cookie: first })).status).toBe(401);
    expect((await me({ cookie: second })).status).toBe(200);
    const third = sessionCookie(await login({ email: user.email, password: user.password }));
    await harness.callRoute(logout, "POST", { search: "?everywhere=true", headers: { cookie: third, origin: harness.TEST_ORIGIN } });
    expect((await me({ cookie: second })).status).toBe(401);
  });

  it("ends a user's sessions when an admin changes their role", async () => {
    const admin = await harness.signedInAs("admin");
    const user = await makeUser();
    const cookie = sessionCookie(await login({ email: user.email, password: user.password }));
    const patch = await harness.callRoute(routes.find((r) => r.file === "users/[id]/route.ts")!, "PATCH", { params: { id: user.id }, body: { role: "viewer" }, headers: admin.headers });
    expect(patch.status).toBe(200);
    expect((await me({ cookie })).status).toBe(401);
    const audit = await db.auditLog.findFirst({ where: { action: "user.role_changed", targetId: user.id } });
    expect(audit?.details).toMatchObject({ from: "editor", to: "viewer" });
  });

  it("answers 409, never 500, when another admin creates the same account between the check and the insert", async () => {
    const admin = await harness.signedInAs("admin");
    const email = `race-${crypto.randomUUID().slice(0, 8)}@triage.test`;
    // The other admin's insert, not yet committed: the route's check cannot see it, and its insert waits on the unique index.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`INSERT INTO users (id, email, name, password_hash, role, updated_at) VALUES ($1, $2, 'Other', 'x', 'viewer', now())`, [crypto.randomUUID(), email]);
      const pending = harness.callRoute(route("/api/users"), "POST", { body: { email, name: "Race", password: "a long enough password", role: "viewer" }, headers: admin.headers });
      await waitFor(async () => (await other.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rowCount === 1);
      await other.query("COMMIT");
      const response = await pending;
      expect(response.status, await response.text()).toBe(409);
    } finally {
      await other.end();
    }
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("rate limiting", () => {
  it("locks an account after repeated failures, even for the right password, across addresses", async () => {
    const user = await makeUser();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await login({ email: user.email, password: "wrong" }, fromPeer(`10.0.0.${attempt + 1}`))).status).toBe(401);
    }
    const locked = await login({ email: user.email, password: user.password }, fromPeer("10.0.0.99"));
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.message).toMatch(/Try again in \d+ minute/);
    expect(await db.auditLog.count({ where: { action: "auth.login_rate_limited" } })).toBeGreaterThan(0);
  });

  it("limits one address trying many accounts", async () => {
    const address = `10.1.${Math.floor(Math.random() * 200)}.1`;
    for (let attempt = 0; attempt < 6; attempt++) {
      await login({ email: `spray-${attempt}-${crypto.randomUUID().slice(0, 6)}@triage.test`, password: "x" }, fromPeer(address));
    }
    const user = await makeUser();
    expect((await login({ email: user.email, password: user.password }, fromPeer(address))).status).toBe(429);
    expect((await login({ email: user.email, password: user.password }, fromPeer("10.2.0.1"))).status).toBe(200);
  });
});

describe("cross-site requests", () => {
  it("refuses a mutation with a foreign Origin or none, even with a valid session", async () => {
    const admin = await harness.signedInAs("admin");
    const tokens = route("/api/tokens");
    const body = { name: "x", role: "viewer" };
    const foreign = await harness.callRoute(tokens, "POST", { body, headers: { ...admin.headers, origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toMatch(/Cross-site/);
    const { origin: _origin, ...noOrigin } = admin.headers;
    expect((await harness.callRoute(tokens, "POST", { body, headers: noOrigin })).status).toBe(403);
    expect((await harness.callRoute(tokens, "POST", { body, headers: admin.headers })).status).toBe(200);
  });

  it("refuses a cross-site login (login CSRF)", async () => {
    const user = await makeUser();
    expect((await login({ email: user.email, password: user.password }, { origin: "https://evil.example" })).status).toBe(403);
  });
});

describe("API tokens", () => {
  it("work as bearer tokens until revoked, never exceed their owner's role, and are stored hashed", async () => {
    const admin = await harness.signedInAs("admin");
    const created = await harness.callRoute(route("/api/tokens"), "POST", { body: { name: "ci", role: "admin" }, headers: admin.headers });
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect(token).toMatch(/^trg_/);
    expect(await db.apiToken.count({ where: { tokenHash: token } })).toBe(0);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(bearer)).status).toBe(200);
    // Token requests carry no ambient credentials, so they need no Origin.
    expect((await harness.callRoute(route("/api/users"), "GET", { headers: bearer })).status).toBe(200);
    // Demoting the owner demotes the token.
    await db.user.update({ where: { id: admin.userId }, data: { role: "viewer" } });
    expect((await harness.callRoute(route("/api/users"), "GET", { headers: bearer })).status).toBe(403);
    await db.user.update({ where: { id: admin.userId }, data: { role: "admin" } });
    const revoke = await harness.callRoute(routes.find((r) => r.file === "tokens/[id]/route.ts")!, "DELETE", { params: { id }, headers: admin.headers });
    expect(revoke.status).toBe(200);
    expect((await me(bearer)).status).toBe(401);
    expect(await db.auditLog.count({ where: { action: { in: ["token.created", "token.revoked"] }, targetId: id } })).toBe(2);
  });
});

describe("client address header", () => {
  const failedLoginIp = async (email: string) => (await db.auditLog.findFirstOrThrow({ where: { action: "auth.login_failed", details: { path: ["email"], equals: email } } })).ip;

  it("is not believed from a client, only with the wrapper's secret", async () => {
    for (const forgery of ["10.77.0.2", `${createPeerSecret()} 10.77.0.2`, " 10.77.0.2", `${PEER_SECRET}10.77.0.2`]) {
      const user = await makeUser();
      await login({ email: user.email, password: "wrong" }, { [PEER_HEADER]: forgery });
      expect(await failedLoginIp(user.email), forgery).toBe("unknown");
    }
    const stamped = await makeUser();
    await login({ email: stamped.email, password: "wrong" }, fromPeer("10.77.0.1"));
    expect(await failedLoginIp(stamped.email)).toBe("10.77.0.1");
  });

  it("is never believed when the app runs without the wrapper (no secret in its environment)", async () => {
    const { getEnv } = await import("../env");
    Object.assign(getEnv(), { TRIAGE_PEER_SECRET: undefined });
    try {
      const user = await makeUser();
      await login({ email: user.email, password: "wrong" }, fromPeer("10.77.0.3"));
      expect(await failedLoginIp(user.email)).toBe("unknown");
    } finally {
      Object.assign(getEnv(), { TRIAGE_PEER_SECRET: PEER_SECRET });
    }
  });
});

describe("single sign-on header", () => {
  async function withSso<T>(work: (resolveActor: typeof import("./resolve-actor").resolveActor) => Promise<T>): Promise<T> {
    const { resolveActor } = await import("./resolve-actor");
    const { getEnv } = await import("../env");
    // getEnv caches what it read at first use; switch SSO on for this test only.
    Object.assign(getEnv(), { AUTH_PROXY_HEADER: "x-forwarded-email", TRUSTED_PROXIES: "10.50.0.1" });
    try {
      return await work(resolveActor);
    } finally {
      Object.assign(getEnv(), { AUTH_PROXY_HEADER: "", TRUSTED_PROXIES: "" });
    }
  }

  it("is believed only from a trusted proxy address, and only with the wrapper's stamp", async () => {
    await withSso(async (resolveActor) => {
      const email = `sso-${crypto.randomUUID().slice(0, 6)}@triage.test`;
      expect(await resolveActor(new Headers({ "x-forwarded-email": email, ...fromPeer("10.66.0.1") }))).toBeNull();
      // A client that names the proxy's address itself is not the proxy.
      expect(await resolveActor(new Headers({ "x-forwarded-email": email, [PEER_HEADER]: "10.50.0.1" }))).toBeNull();
      const actor = await resolveActor(new Headers({ "x-forwarded-email": email, ...fromPeer("10.50.0.1") }));
      expect(actor).toMatchObject({ email, role: "viewer", via: "proxy" });
    });
  });

  it("creates one account when a new user's first requests arrive in parallel", async () => {
    await withSso(async () => {
      const email = `sso-race-${crypto.randomUUID().slice(0, 6)}@triage.test`;
      const headers = { "x-forwarded-email": email, ...fromPeer("10.50.0.1") };
      const responses = await Promise.all(Array.from({ length: 12 }, () => me(headers)));
      expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
      const ids = new Set(await Promise.all(responses.map(async (response) => ((await response.json()) as { id: string }).id)));
      expect(ids.size).toBe(1);
      expect(await db.user.count({ where: { email } })).toBe(1);
    });
  });
});
