import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";
import { createPeerSecret, PEER_HEADER, peerStamp } from "@/scripts/lib/peer-stamp.mjs";
import type { ApiRoute } from "@/lib/testing/route-harness";
import { closeRouteTestDatabase } from "@/lib/testing/route-test-database";

const PEER_SECRET = createPeerSecret();
const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 20;

let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let loginRoute: ApiRoute;
let db: ReturnType<typeof import("@/lib/server/db").getDb>;
let logIn: typeof import("./log-in").logIn;
let rateLimit: typeof import("./login-rate-limit");

beforeAll(async () => {
  database = await createTestDatabase("triage_loginlimit");
  process.env.DATABASE_URL = database.url;
  process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = String(ACCOUNT_LIMIT);
  process.env.LOGIN_MAX_FAILURES_PER_ADDRESS = String(ADDRESS_LIMIT);
  process.env.LOGIN_WINDOW_MINUTES = "15";
  process.env.TRIAGE_PEER_SECRET = PEER_SECRET;
  harness = await import("@/lib/testing/route-harness");
  db = (await import("@/lib/server/db")).getDb();
  logIn = (await import("./log-in")).logIn;
  rateLimit = await import("./login-rate-limit");
  const routes = await harness.listApiRoutes(`${import.meta.dirname}/../../../app`);
  loginRoute = routes.find((route) => route.path === "/api/auth/login")!;
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

async function makeUser(password = "correct horse battery") {
  const { hashPassword } = await import("./password");
  const email = `user-${crypto.randomUUID().slice(0, 8)}@triage.test`;
  await db.user.create({ data: { email, name: "U", passwordHash: await hashPassword(password), role: "viewer" } });
  return { email, password };
}

const login = (body: { email: string; password: string }, address: string) =>
  harness.callRoute(loginRoute, "POST", { body, headers: { origin: harness.TEST_ORIGIN, [PEER_HEADER]: peerStamp(PEER_SECRET, address) } });

/** The real verifier, counted: how many passwords were actually checked. */
async function countingVerifier() {
  const { verifyPassword } = await import("./password");
  const counter = { calls: 0, verifyPassword: (hash: string | null, password: string) => (counter.calls++, verifyPassword(hash, password)) };
  return counter;
}

const statusOf = (outcome: PromiseSettledResult<unknown>) => (outcome.status === "fulfilled" ? 200 : ((outcome.reason as { status?: number }).status ?? 500));
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe("parallel sign-in attempts", () => {
  it("check at most the account's limit of passwords when 50 wrong ones arrive at once", async () => {
    const user = await makeUser();
    const verifier = await countingVerifier();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => logIn({ email: user.email, password: `wrong-${index}` }, { ip: `10.20.${index}.1` }, verifier)),
    );
    const counts = tally(outcomes.map(statusOf));
    expect(counts).toEqual({ 401: ACCOUNT_LIMIT, 429: 50 - ACCOUNT_LIMIT });
    expect(verifier.calls).toBe(ACCOUNT_LIMIT);
    expect(await db.loginAttempt.count({ where: { key: rateLimit.accountKey(user.email) } })).toBe(ACCOUNT_LIMIT);
    // 45 refusals, one audit row for the lock-out; each checked password has its own.
    expect(await db.auditLog.count({ where: { action: "auth.login_rate_limited", details: { path: ["email"], equals: user.email } } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "auth.login_failed", details: { path: ["email"], equals: user.email } } })).toBe(ACCOUNT_LIMIT);
    // Locked means locked: the right password is refused too, and unchecked.
    await expect(logIn(user, { ip: "10.21.0.1" }, verifier)).rejects.toMatchObject({ status: 429 });
    expect(verifier.calls).toBe(ACCOUNT_LIMIT);
  });

  it("check at most the address's limit when one address sprays 50 accounts at once", async () => {
    const address = `10.22.${Math.floor(Math.random() * 250)}.1`;
    const verifier = await countingVerifier();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => logIn({ email: `spray-${index}-${crypto.randomUUID().slice(0, 6)}@triage.test`, password: "x" }, { ip: address }, verifier)),
    );
    expect(tally(outcomes.map(statusOf))).toEqual({ 401: ADDRESS_LIMIT, 429: 50 - ADDRESS_LIMIT });
    expect(verifier.calls).toBe(ADDRESS_LIMIT);
    expect(await db.auditLog.count({ where: { action: "auth.login_rate_limited", targetId: rateLimit.addressKey(address) } })).toBe(1);
  });

  it("does not count a right password as a failure", async () => {
    const user = await makeUser();
    for (let attempt = 0; attempt < ACCOUNT_LIMIT - 1; attempt++) expect((await login({ email: user.email, password: "wrong" }, "10.23.0.1")).status).toBe(401);
    expect((await login(user, "10.23.0.1")).status).toBe(200);
    expect((await login({ email: user.email, password: "wrong" }, "10.23.0.1")).status).toBe(401);
    expect((await login(user, "10.23.0.1")).status).toBe(429);
  });
});

describe("addresses", () => {
  it("count an IPv6 client per /64, whichever address of it they use", async () => {
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    for (let attempt = 0; attempt < ADDRESS_LIMIT; attempt++) {
      await login({ email: `v6-${attempt}-${crypto.randomUUID().slice(0, 6)}@triage.test`, password: "x" }, `${prefix}:${attempt.toString(16)}::${attempt + 1}`);
    }
    const user = await makeUser();
    expect((await login(user, `${prefix}:ffff:ffff:ffff:ffff`)).status).toBe(429);
    expect((await login(user, `${prefix.replace(/:1$/, ":2")}::1`)).status).toBe(200);
  });

  it("count an IPv4-mapped IPv6 client as the IPv4 address it is", async () => {
    const address = `10.24.${Math.floor(Math.random() * 250)}.9`;
    for (let attempt = 0; attempt < ADDRESS_LIMIT; attempt++) {
      await login({ email: `v4-${attempt}-${crypto.randomUUID().slice(0, 6)}@triage.test`, password: "x" }, attempt % 2 ? address : `::ffff:${address}`);
    }
    expect((await login(await makeUser(), address)).status).toBe(429);
  });
});

describe("stale attempts", () => {
  it("are pruned for everyone, a bounded batch per sign-in", async () => {
    const old = new Date(Date.now() - 16 * 60_000);
    const marker = `account:stale-${crypto.randomUUID().slice(0, 8)}`;
    const staleCount = 130;
    await db.loginAttempt.createMany({ data: Array.from({ length: staleCount }, (_, index) => ({ key: `${marker}-${index}@triage.test`, succeeded: false, createdAt: old })) });
    await db.loginAttempt.create({ data: { key: `${marker}-recent@triage.test`, succeeded: false } });
    const stale = () => db.loginAttempt.count({ where: { key: { startsWith: marker }, createdAt: { lt: new Date(Date.now() - 15 * 60_000) } } });

    const someoneElse = await makeUser();
    expect((await login(someoneElse, "10.25.0.1")).status).toBe(200);
    expect(await stale(), "another user's sign-in prunes them").toBeLessThan(staleCount);
    expect(rateLimit.PRUNE_BATCH).toBeLessThan(staleCount);
    expect(await stale(), "at most one batch per sign-in").toBe(staleCount - rateLimit.PRUNE_BATCH);
    expect((await login({ email: someoneElse.email, password: "wrong" }, "10.25.0.1")).status).toBe(401);
    expect(await stale()).toBe(0);
    expect(await db.loginAttempt.count({ where: { key: `${marker}-recent@triage.test` } })).toBe(1);
  });
});
