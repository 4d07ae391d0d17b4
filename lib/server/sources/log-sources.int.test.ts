import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { ECS_FIELD_MAPPING } from "@/lib/logs/field-mapping";
import type { Actor } from "@/lib/schemas/auth";
import { createEmptyTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@/prisma/factories";
import { openRouteTestDatabase } from "@/lib/testing/route-test-database";
import { migrate } from "../db/migrate";

const admin: Actor = { id: crypto.randomUUID(), email: "admin@triage.test", name: "Admin", role: "admin", via: "session" };
const PINO: FieldMapping = { ...ECS_FIELD_MAPPING, timestamp: "time", level: "level", service: "name", message: "msg", correlationIds: ["req.id"] };

describe("migrating the single log setting to sources", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("keeps every saved value: pattern, mapping, default query fields, version and who saved it", async () => {
    const db = await createEmptyTestDatabase("triage_srcmig");
    cleanups.push(db.drop);
    // Only the migrations that existed before sources, as a database of the previous release has them.
    const before = await mkdtemp(path.join(os.tmpdir(), "triage-before-sources-"));
    cleanups.push(() => rm(before, { recursive: true, force: true }));
    await cp(path.join(MIGRATIONS_DIR, "20261125000000_init"), path.join(before, "20261125000000_init"), { recursive: true });
    await migrate({ databaseUrl: db.url, migrationsDir: before });

    const saved = { indexPattern: "logs-shop-*", mapping: PINO, defaultQueryFields: ["msg", "err.message"] };
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    cleanups.push(() => client.end());
    await client.query(`INSERT INTO app_settings (key, value, version, updated_at, updated_by) VALUES ('logs', $1, 7, '2026-11-30T10:00:00Z', 'ops@shop.test'), ('other', '{"keep":true}', 1, now(), null)`, [JSON.stringify(saved)]);

    await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    const { rows } = await client.query(`SELECT name, index_pattern, mapping, default_query_fields, enabled, version, updated_by, updated_at FROM log_sources`);
    expect(rows).toEqual([
      { name: "default", index_pattern: "logs-shop-*", mapping: PINO, default_query_fields: ["msg", "err.message"], enabled: true, version: 7, updated_by: "ops@shop.test", updated_at: new Date("2026-11-30T10:00:00Z") },
    ]);
    const settings = await client.query(`SELECT key FROM app_settings ORDER BY key`);
    expect(settings.rows).toEqual([{ key: "other" }]);
  });

  it("creates no source when nothing was saved, so LOGS_INDEX stays the default", async () => {
    const db = await createEmptyTestDatabase("triage_srcmig");
    cleanups.push(db.drop);
    await migrate({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    cleanups.push(() => client.end());
    expect((await client.query(`SELECT count(*)::int AS n FROM log_sources`)).rows[0].n).toBe(0);
  });
});

describe("log sources in Postgres", () => {
  let database: TestDatabase;
  let verbs: {
    list: typeof import("./list-log-sources").listLogSources;
    readable: typeof import("./list-log-sources").listReadableSources;
    create: typeof import("./create-log-source").createLogSource;
    update: typeof import("./update-log-source").updateLogSource;
    remove: typeof import("./delete-log-source").deleteLogSource;
  };
  let db: ReturnType<typeof import("../db").getDb>;

  beforeAll(async () => {
    database = await openRouteTestDatabase("triage_sources");
    process.env.LOGS_INDEX = "logs-triage-*";
    verbs = {
      list: (await import("./list-log-sources")).listLogSources,
      readable: (await import("./list-log-sources")).listReadableSources,
      create: (await import("./create-log-source")).createLogSource,
      update: (await import("./update-log-source")).updateLogSource,
      remove: (await import("./delete-log-source")).deleteLogSource,
    };
    db = (await import("../db")).getDb();
  });
  afterAll(async () => {
    const { getDbPool } = await import("../db");
    await getDbPool().end().catch(() => {});
    await database.drop();
  });

  it("walks a source's whole life: default stand-in, add, overlap refused, edit, stale edit refused, disable, delete, all audited", async () => {
    const initial = await verbs.list();
    expect(initial).toMatchObject({ usingDefault: true, sources: [{ id: "default", name: "default", indexPattern: "logs-triage-*", version: 0 }] });

    // Editing the stand-in saves it; a second edit made against the stand-in is stale.
    const saved = await verbs.update("default", { name: "default", indexPattern: "logs-triage-*", mapping: ECS_FIELD_MAPPING, defaultQueryFields: ["message"], enabled: true, version: 0 }, admin);
    expect(saved).toMatchObject({ name: "default", version: 2, defaultQueryFields: ["message"] });
    await expect(verbs.update("default", { name: "default", indexPattern: "logs-x-*", mapping: ECS_FIELD_MAPPING, enabled: true, version: 0 }, admin)).rejects.toMatchObject({ status: 409 });

    const gateway = await verbs.create({ name: "gateway", indexPattern: "gateway-access-*", mapping: PINO, enabled: true }, admin);
    const listed = await verbs.list();
    expect(listed.usingDefault).toBe(false);
    expect(listed.sources.map((source) => [source.name, source.indexPattern, source.version])).toEqual([["default", "logs-triage-*", 2], ["gateway", "gateway-access-*", 1]]);

    await expect(verbs.create({ name: "app", indexPattern: "logs-*", mapping: ECS_FIELD_MAPPING, enabled: true }, admin)).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/logs-\* overlaps source default \(logs-triage-\*\): an index such as logs-triage-\S* would be read twice/),
      fields: { indexPattern: expect.any(String) },
    });
    await expect(verbs.create({ name: "gateway", indexPattern: "other-*", mapping: ECS_FIELD_MAPPING, enabled: true }, admin)).rejects.toMatchObject({ status: 409, fields: { name: expect.any(String) } });
    // A disabled source may overlap: it is not read, and enabling it later is checked again.
    const parked = await verbs.create({ name: "parked", indexPattern: "gateway-*", mapping: PINO, enabled: false }, admin);
    await expect(verbs.update(parked.id, { name: "parked", indexPattern: "gateway-*", mapping: PINO, enabled: true, version: 1 }, admin)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/overlaps source gateway/) });

    const edited = await verbs.update(gateway.id, { name: "gateway", indexPattern: "gateway-access-*", mapping: { ...PINO, status: "res.statusCode" }, enabled: true, version: 1 }, admin);
    expect(edited.version).toBe(2);
    await expect(verbs.update(gateway.id, { name: "gateway", indexPattern: "gateway-x-*", mapping: PINO, enabled: true, version: 1 }, admin)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/Someone saved this source/) });

    const disabled = await verbs.update(gateway.id, { name: "gateway", indexPattern: "gateway-access-*", mapping: edited.mapping, enabled: false, version: 2 }, admin);
    expect((await verbs.readable()).sources.map((source) => source.name)).toEqual(["default"]);
    await expect(verbs.remove(gateway.id, 2, admin)).rejects.toMatchObject({ status: 409 });
    await verbs.remove(gateway.id, disabled.version, admin);
    await verbs.remove(parked.id, parked.version, admin);
    const remaining = await verbs.list();
    await expect(verbs.remove(remaining.sources[0]!.id, remaining.sources[0]!.version, admin)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/only source; disable it instead/) });

    const audit = await db.auditLog.findMany({ where: { action: { startsWith: "source." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["source.updated", "source.created", "source.created", "source.updated", "source.updated", "source.deleted", "source.deleted"]);
    expect(audit[3]!.details).toMatchObject({ version: 2, before: { mapping: { status: "http.response.status_code" } }, after: { mapping: { status: "res.statusCode" } } });
  });

  it("lets two admins race to add overlapping sources and keeps only one", async () => {
    const results = await Promise.allSettled([
      verbs.create({ name: "race-a", indexPattern: "race-*", mapping: ECS_FIELD_MAPPING, enabled: true }, admin),
      verbs.create({ name: "race-b", indexPattern: "race-b-*", mapping: ECS_FIELD_MAPPING, enabled: true }, admin),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { status: 422 } });
  });
});
