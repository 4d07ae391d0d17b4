import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { closeRouteTestDatabase, openRouteTestDatabase } from "@/lib/testing/route-test-database";
import type { TestDatabase } from "@/prisma/factories";
import type { ApiRoute, HttpMethod } from "@/lib/testing/route-harness";

let database: TestDatabase;
let harness: typeof import("@/lib/testing/route-harness");
let routes: ApiRoute[];
let db: ReturnType<typeof import("@/lib/server/db").getDb>;

beforeAll(async () => {
  database = await openRouteTestDatabase("triage_roles");
  harness = await import("@/lib/testing/route-harness");
  db = (await import("@/lib/server/db")).getDb();
  routes = await harness.listApiRoutes(path.resolve(import.meta.dirname, ".."));
});

afterAll(async () => {
  await closeRouteTestDatabase(database);
});

const route = (urlPath: string) => {
  const found = routes.find((candidate) => candidate.path.replace(/[0-9a-f-]{36}/, "[id]") === urlPath);
  if (!found) throw new Error(`no route ${urlPath}`);
  return found;
};

interface Case {
  name: string;
  method: HttpMethod;
  path: string;
  allowed: Role[];
  /** Builds this case's own target data and request; runs once per role. */
  prepare: () => Promise<{ params?: Record<string, string>; body?: unknown; search?: string }>;
}

const someUser = async () => (await harness.signedInAs("viewer", "target")).userId;
const someToken = async () => {
  const owner = await harness.signedInAs("admin", "token-owner");
  const token = await db.apiToken.create({ data: { name: "ci", role: "viewer", tokenHash: crypto.randomUUID(), prefix: "trg_xx", userId: owner.userId } });
  return token.id;
};
const sourceBody = async () => {
  const { ECS_FIELD_MAPPING } = await import("@/lib/logs/field-mapping");
  const name = `roles-${crypto.randomUUID().slice(0, 8)}`;
  return { name, indexPattern: `${name}-*`, mapping: ECS_FIELD_MAPPING, enabled: true };
};
/** A saved source of this case's own, to edit or delete. */
const someSource = async () => {
  const body = await sourceBody();
  const row = await db.logSource.create({ data: { ...body, updatedBy: "roles-test" } });
  return { id: row.id, body: { ...body, version: row.version } };
};

/** A share link of its own (made by a viewer), to open, rename or delete as its owner or an admin. */
const someLink = async (owner?: Awaited<ReturnType<typeof harness.signedInAs>>) => {
  const { createShareLink } = await import("@/lib/server/share/create-share-link");
  const maker = owner ?? (await harness.signedInAs("viewer", "link-owner"));
  const user = await db.user.findUniqueOrThrow({ where: { id: maker.userId } });
  const link = await createShareLink({ kind: "overview", params: {}, pathParams: {}, senderTimeZone: "UTC", snapshot: false }, { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" });
  return link.slug;
};
const someIncident = async () => {
  const row = await db.incident.create({ data: { title: "roles", severity: "sev3", status: "investigating", services: [], startedAt: new Date(), commander: "x", createdById: "roles-test", createdByName: "roles" } });
  return row;
};
const incidentBody = { title: "Checkout down", severity: "sev2", services: ["gateway"], startedAt: "2026-12-01T14:00:00.000Z", commander: "Ada" };
const ruleBody = () => ({
  name: `roles-${crypto.randomUUID().slice(0, 8)}`,
  severity: "warning",
  measure: { kind: "error_lines" },
  condition: { comparator: "above", threshold: 10, windowMinutes: 5, intervalSeconds: 60 },
});
/** A saved alert rule of this case's own (through the verb, so it is stored as the API stores it). */
const someRule = async () => {
  const { createAlertRule } = await import("@/lib/server/alerts/create-alert-rule");
  const { alertRuleInputSchema } = await import("@/lib/schemas/alert-rule");
  const actor = { id: crypto.randomUUID(), email: "roles@triage.test", name: "Roles", role: "admin", via: "session" } as const;
  return createAlertRule(alertRuleInputSchema.parse(ruleBody()), actor);
};
const someSilence = async () => {
  const rule = await someRule();
  const silence = await db.alertSilence.create({ data: { ruleId: rule.id, endsAt: new Date(Date.now() + 3_600_000) } });
  return { id: rule.id, silence: silence.id };
};
/** A rule with one firing series, as the worker leaves it (the worker itself is exercised in lib/server/incidents). */
const someFiringRule = async () => {
  const rule = await someRule();
  const since = new Date(Date.now() - 120_000);
  const series = await db.alertSeries.create({ data: { ruleId: rule.id, seriesKey: "gateway", status: "firing", lastValue: 42, state: {}, since, lastEvaluatedAt: since } });
  await db.alertTransition.create({ data: { ruleId: rule.id, seriesId: series.id, fromStatus: "ok", toStatus: "firing", value: 42, threshold: 10, evaluatedAt: since } });
  return rule;
};
const contactPointBody = () => ({ name: `roles-${crypto.randomUUID().slice(0, 8)}`, kind: "webhook", url: "http://127.0.0.1:9/hook" });
const someContactPoint = async () => db.contactPoint.create({ data: { ...contactPointBody(), kind: "webhook", secret: "a-signing-secret-of-roles" } });
const writers: Role[] = ["editor", "admin"];
const everyone: Role[] = ["viewer", "editor", "admin"];

const CASES: Case[] = [
  { name: "create a user", method: "POST", path: "/api/users", allowed: ["admin"], prepare: async () => ({ body: { email: `new-${crypto.randomUUID().slice(0, 8)}@triage.test`, name: "New", password: "a long enough password", role: "viewer" } }) },
  { name: "change a role", method: "PATCH", path: "/api/users/[id]", allowed: ["admin"], prepare: async () => ({ params: { id: await someUser() }, body: { role: "editor" } }) },
  { name: "create an API token", method: "POST", path: "/api/tokens", allowed: ["admin"], prepare: async () => ({ body: { name: "deploy bot", role: "viewer" } }) },
  { name: "revoke an API token", method: "DELETE", path: "/api/tokens/[id]", allowed: ["admin"], prepare: async () => ({ params: { id: await someToken() } }) },
  { name: "add a log source", method: "POST", path: "/api/sources", allowed: ["admin"], prepare: async () => ({ body: await sourceBody() }) },
  { name: "edit a log source", method: "PUT", path: "/api/sources/[id]", allowed: ["admin"], prepare: async () => { const source = await someSource(); return { params: { id: source.id }, body: source.body }; } },
  { name: "delete a log source", method: "DELETE", path: "/api/sources/[id]", allowed: ["admin"], prepare: async () => { const source = await someSource(); return { params: { id: source.id }, search: "?version=1" }; } },
  { name: "log out", method: "POST", path: "/api/auth/logout", allowed: ["viewer", "editor", "admin"], prepare: async () => ({}) },
  { name: "list users", method: "GET", path: "/api/users", allowed: ["admin"], prepare: async () => ({}) },
  { name: "list API tokens", method: "GET", path: "/api/tokens", allowed: ["admin"], prepare: async () => ({}) },
  { name: "read the audit log", method: "GET", path: "/api/audit", allowed: ["admin"], prepare: async () => ({}) },
  { name: "list log sources", method: "GET", path: "/api/sources", allowed: ["viewer", "editor", "admin"], prepare: async () => ({}) },
  { name: "choose a theme", method: "PUT", path: "/api/me/theme", allowed: ["viewer", "editor", "admin"], prepare: async () => ({ body: { theme: "light" } }) },
  { name: "read who I am", method: "GET", path: "/api/auth/me", allowed: ["viewer", "editor", "admin"], prepare: async () => ({}) },
  { name: "make a share link", method: "POST", path: "/api/share/links", allowed: ["viewer", "editor", "admin"], prepare: async () => ({ body: { kind: "overview", params: { from: "now-15m", to: "now" } } }) },
  { name: "list my share links", method: "GET", path: "/api/share/links", allowed: ["viewer", "editor", "admin"], prepare: async () => ({}) },
  { name: "list everyone's share links", method: "GET", path: "/api/share/links", allowed: ["admin"], prepare: async () => ({ search: "?all=true" }) },
  { name: "open a share link", method: "GET", path: "/api/share/links/[id]", allowed: ["viewer", "editor", "admin"], prepare: async () => ({ params: { slug: await someLink() } }) },
  // Someone else's link: only admins may rename or delete it (owners may, see lib/server/share).
  { name: "rename someone's share link", method: "PATCH", path: "/api/share/links/[id]", allowed: ["admin"], prepare: async () => ({ params: { slug: await someLink() }, body: { name: "renamed" } }) },
  { name: "delete someone's share link", method: "DELETE", path: "/api/share/links/[id]", allowed: ["admin"], prepare: async () => ({ params: { slug: await someLink() } }) },
  { name: "list incidents", method: "GET", path: "/api/incidents", allowed: ["viewer", "editor", "admin"], prepare: async () => ({}) },
  { name: "open an incident", method: "POST", path: "/api/incidents", allowed: ["editor", "admin"], prepare: async () => ({ body: incidentBody }) },
  { name: "read an incident", method: "GET", path: "/api/incidents/[id]", allowed: ["viewer", "editor", "admin"], prepare: async () => ({ params: { id: (await someIncident()).id } }) },
  { name: "edit an incident", method: "PATCH", path: "/api/incidents/[id]", allowed: ["editor", "admin"], prepare: async () => ({ params: { id: (await someIncident()).id }, body: { status: "identified", version: 1 } }) },
  { name: "add an incident note", method: "POST", path: "/api/incidents/[id]/notes", allowed: ["editor", "admin"], prepare: async () => ({ params: { id: (await someIncident()).id }, body: { body: "a note" } }) },
  { name: "pin a link on an incident", method: "POST", path: "/api/incidents/[id]/links", allowed: ["editor", "admin"], prepare: async () => ({ params: { id: (await someIncident()).id }, body: { link: await someLink() } }) },
  { name: "list alert rules", method: "GET", path: "/api/alerts", allowed: everyone, prepare: async () => ({}) },
  { name: "create an alert rule", method: "POST", path: "/api/alerts", allowed: writers, prepare: async () => ({ body: ruleBody() }) },
  { name: "read an alert rule", method: "GET", path: "/api/alerts/[id]", allowed: everyone, prepare: async () => ({ params: { id: (await someRule()).id } }) },
  { name: "edit an alert rule", method: "PUT", path: "/api/alerts/[id]", allowed: writers, prepare: async () => { const rule = await someRule(); return { params: { id: rule.id }, body: { version: rule.version, rule: rule.rule } }; } },
  { name: "delete an alert rule", method: "DELETE", path: "/api/alerts/[id]", allowed: writers, prepare: async () => ({ params: { id: (await someRule()).id }, search: "?version=1" }) },
  { name: "disable an alert rule", method: "PUT", path: "/api/alerts/[id]/enabled", allowed: writers, prepare: async () => ({ params: { id: (await someRule()).id }, body: { version: 1, enabled: false } }) },
  { name: "duplicate an alert rule", method: "POST", path: "/api/alerts/[id]/duplicate", allowed: writers, prepare: async () => ({ params: { id: (await someRule()).id }, body: {} }) },
  { name: "silence an alert rule", method: "POST", path: "/api/alerts/[id]/silences", allowed: writers, prepare: async () => ({ params: { id: (await someRule()).id }, body: { endsAt: new Date(Date.now() + 3_600_000).toISOString() } }) },
  { name: "end a silence", method: "DELETE", path: "/api/alerts/[id]/silences", allowed: writers, prepare: async () => { const { id, silence } = await someSilence(); return { params: { id }, search: `?silence=${silence}` }; } },
  { name: "open an incident from a firing alert", method: "POST", path: "/api/alerts/[id]/incident", allowed: writers, prepare: async () => ({ params: { id: (await someFiringRule()).id }, body: { seriesKey: "gateway" } }) },
  { name: "export alert rules", method: "GET", path: "/api/alerts/export", allowed: everyone, prepare: async () => ({}) },
  { name: "import alert rules", method: "POST", path: "/api/alerts/import", allowed: writers, prepare: async () => ({ body: { format: "triage.alert-rules/v1", rules: [ruleBody()] } }) },
  { name: "list firing alerts", method: "GET", path: "/api/alerts/firing", allowed: everyone, prepare: async () => ({}) },
  { name: "preview an alert rule", method: "POST", path: "/api/alerts/preview", allowed: everyone, prepare: async () => ({ body: { rule: ruleBody(), range: "24h" } }) },
  { name: "send a test notification", method: "POST", path: "/api/contact-points/[id]/test", allowed: writers, prepare: async () => ({ params: { id: (await someContactPoint()).id }, body: {} }) },
  { name: "list contact points", method: "GET", path: "/api/contact-points", allowed: everyone, prepare: async () => ({}) },
  { name: "add a contact point", method: "POST", path: "/api/contact-points", allowed: writers, prepare: async () => ({ body: contactPointBody() }) },
  { name: "edit a contact point", method: "PUT", path: "/api/contact-points/[id]", allowed: writers, prepare: async () => { const point = await someContactPoint(); return { params: { id: point.id }, body: { version: point.version, contactPoint: { ...contactPointBody(), name: point.name } } }; } },
  { name: "delete a contact point", method: "DELETE", path: "/api/contact-points/[id]", allowed: writers, prepare: async () => ({ params: { id: (await someContactPoint()).id }, search: "?version=1" }) },
];

describe.each(CASES)("$method $path ($name)", (testCase) => {
  it.each(["viewer", "editor", "admin"] as Role[])("as %s", async (role) => {
    const caller = await harness.signedInAs(role);
    const request = await testCase.prepare();
    const response = await harness.callRoute(route(testCase.path), testCase.method, { headers: caller.headers, ...request });
    const body = await response.text();
    if (testCase.allowed.includes(role)) expect(response.status, body).toBe(200);
    else {
      expect(response.status, body).toBe(403);
      expect(JSON.parse(body).error.message).toMatch(/role/);
    }
  });
});
