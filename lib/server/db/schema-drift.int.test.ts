// Proves the hand-written migrations produce exactly the database schema.prisma describes.
// The expected side comes from Prisma itself: scripts/prisma-dmmf-generator.mjs writes the
// parsed data model (DMMF) to lib/generated/dmmf/datamodel.json. We regenerate it first so
// the test never compares against a stale copy. Both sides are rendered as sorted lines, so a
// failure reads as a diff: "-" lines are in the schema but not the database, "+" the reverse.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/prisma/factories";

const root = path.resolve(import.meta.dirname, "../../..");

type Field = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Index = { model: string; type: "id" | "normal" | "unique" | "fulltext"; dbName?: string | null; algorithm?: string; fields: { name: string }[] };
type Datamodel = { enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[]; models: Model[]; indexes: Index[] };
type Shape = { tables: string[]; columns: string[]; indexes: string[]; foreignKeys: string[]; enums: string[] };

function loadDatamodel(): Datamodel {
  const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts/no-schema-engine.sh") };
  const cli = path.join(root, "node_modules/prisma/build/index.js");
  const run = spawnSync(process.execPath, [cli, "generate", "--generator", "dmmf"], { cwd: root, env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`prisma generate --generator dmmf failed:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(readFileSync(path.join(root, "lib/generated/dmmf/datamodel.json"), "utf8")) as Datamodel;
}

// ---- expected: what Prisma would create for the data model ----

const quoteIdent = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`);

// Prisma's default constraint names, truncated like Prisma does to Postgres' 63-byte limit.
function defaultName(table: string, columns: string[], suffix: string): string {
  const base = [table, ...columns].join("_");
  return base.slice(0, 63 - suffix.length - 1) + "_" + suffix;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => "text",
  VarChar: ([n]) => (n ? `character varying(${n})` : "character varying"),
  Char: ([n]) => `character(${n ?? 1})`,
  Uuid: () => "uuid",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  BigInt: () => "bigint",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  Decimal: (args) => (args.length ? `numeric(${args.join(",")})` : "numeric"),
  Timestamp: ([p]) => `timestamp(${p ?? 6}) without time zone`,
  Timestamptz: ([p]) => `timestamp(${p ?? 6}) with time zone`,
  Date: () => "date",
  JsonB: () => "jsonb",
  Json: () => "json",
};

function columnType(field: Field, enums: Map<string, string>): string {
  let type: string | undefined;
  if (field.kind === "enum") type = quoteIdent(enums.get(field.type) ?? field.type);
  else if (field.nativeType) {
    const native = NATIVE_TYPES[field.nativeType[0]];
    if (!native) throw new Error(`Drift test: add native type @db.${field.nativeType[0]} to NATIVE_TYPES`);
    type = native(field.nativeType[1]);
  } else type = SCALAR_TYPES[field.type];
  if (!type) throw new Error(`Drift test: add Prisma type ${field.type} to SCALAR_TYPES`);
  return field.isList ? `${type}[]` : type;
}

// Only defaults Postgres evaluates appear in the database; uuid()/cuid() run in the client.
function columnDefault(field: Field, table: string, column: string, type: string): string {
  if (!field.hasDefaultValue) return "none";
  const value = field.default;
  if (value && typeof value === "object" && "name" in value) {
    const fn = value as { name: string; args: unknown[] };
    if (["uuid", "cuid", "nanoid", "ulid"].includes(fn.name)) return "none";
    if (fn.name === "now") return "CURRENT_TIMESTAMP";
    if (fn.name === "autoincrement") return `nextval('${table}_${column}_seq'::regclass)`;
    if (fn.name === "dbgenerated") return String(fn.args[0]);
    throw new Error(`Drift test: unknown default function ${fn.name}()`);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `'${String(value).replaceAll("'", "''")}'::${type}`;
}

function expectedShape(dm: Datamodel): Shape {
  const enums = new Map(dm.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = new Map(dm.models.map((m) => [m.name, m.dbName ?? m.name]));
  const shape: Shape = { tables: [], columns: [], indexes: [], foreignKeys: [], enums: [] };
  for (const model of dm.models) {
    const table = tableOf.get(model.name)!;
    const columnOf = (name: string) => {
      const field = model.fields.find((f) => f.name === name);
      return field?.dbName ?? name;
    };
    shape.tables.push(table);
    for (const field of model.fields) {
      if (field.kind === "scalar" || field.kind === "enum") {
        const column = field.dbName ?? field.name;
        const type = columnType(field, enums);
        // Prisma creates scalar lists as nullable arrays whatever the schema says.
        const nullability = field.isRequired && !field.isList ? "NOT NULL" : "NULL";
        shape.columns.push(`${table}.${column} ${type} ${nullability} default=${columnDefault(field, table, column, type)}`);
      }
      if (field.kind === "object" && field.relationFromFields?.length) {
        const target = dm.models.find((m) => m.name === field.type)!;
        const from = field.relationFromFields.map(columnOf);
        const to = (field.relationToFields ?? []).map((n) => target.fields.find((f) => f.name === n)?.dbName ?? n);
        const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
        const onUpdate = field.relationOnUpdate ?? "Cascade";
        shape.foreignKeys.push(
          `${table}.${defaultName(table, from, "fkey")} (${from}) -> ${tableOf.get(target.name)}(${to}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`,
        );
      }
    }
  }
  for (const index of dm.indexes) {
    const table = tableOf.get(index.model)!;
    const model = dm.models.find((m) => m.name === index.model)!;
    const columns = index.fields.map((f) => model.fields.find((mf) => mf.name === f.name)?.dbName ?? f.name);
    const kind = { id: "primary", unique: "unique", normal: "index", fulltext: "fulltext" }[index.type];
    const suffix = { id: "pkey", unique: "key", normal: "idx", fulltext: "idx" }[index.type];
    const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : defaultName(table, columns, suffix));
    shape.indexes.push(`${table}: ${kind} ${name} (${columns}) ${(index.algorithm ?? "BTree").toLowerCase()}`);
  }
  for (const e of dm.enums) shape.enums.push(`${e.dbName ?? e.name} (${e.values.map((v) => v.dbName ?? v.name)})`);
  return sortShape(shape);
}

// ---- actual: what the migrated database contains ----

const ACTION: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
const COLUMNS_OF = (keys: string, rel: string) =>
  `array(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum ORDER BY k.ord)`;

async function actualShape(client: pg.Client): Promise<Shape> {
  const userTable = `n.nspname = 'public' AND t.relname <> '_prisma_migrations'`;
  const tables = await client.query(`SELECT t.relname AS table FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace WHERE t.relkind = 'r' AND ${userTable}`);
  const columns = await client.query(`
    SELECT t.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
           pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE t.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND ${userTable}`);
  const indexes = await client.query(`
    SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary, x.indisunique AS unique, am.amname AS method,
           ${COLUMNS_OF("x.indkey::int2[]", "t.oid")} AS columns
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
    WHERE ${userTable}`);
  const foreignKeys = await client.query(`
    SELECT t.relname AS table, c.conname AS name, r.relname AS ref_table, c.confdeltype AS on_delete, c.confupdtype AS on_update,
           ${COLUMNS_OF("c.conkey", "c.conrelid")} AS columns, ${COLUMNS_OF("c.confkey", "c.confrelid")} AS ref_columns
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND ${userTable}`);
  const enums = await client.query(`
    SELECT t.typname AS name, array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND n.nspname = 'public'`);
  return sortShape({
    tables: tables.rows.map((r) => r.table),
    columns: columns.rows.map((r) => `${r.table}.${r.column} ${r.type} ${r.not_null ? "NOT NULL" : "NULL"} default=${r.default ?? "none"}`),
    indexes: indexes.rows.map((r) => `${r.table}: ${r.primary ? "primary" : r.unique ? "unique" : "index"} ${r.name} (${r.columns}) ${r.method}`),
    foreignKeys: foreignKeys.rows.map(
      (r) => `${r.table}.${r.name} (${r.columns}) -> ${r.ref_table}(${r.ref_columns}) ON DELETE ${ACTION[r.on_delete]} ON UPDATE ${ACTION[r.on_update]}`,
    ),
    enums: enums.rows.map((r) => `${r.name} (${r.values})`),
  });
}

const sortShape = (s: Shape): Shape =>
  Object.fromEntries(Object.entries(s).map(([k, v]: [string, string[]]) => [k, [...v].sort()])) as Shape;

describe("schema drift: migrations vs schema.prisma", () => {
  let db: TestDatabase;
  let expected: Shape;
  let actual: Shape;

  beforeAll(async () => {
    expected = expectedShape(loadDatamodel());
    db = await createTestDatabase("triage_drift");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      actual = await actualShape(client);
    } finally {
      await client.end();
    }
  });
  afterAll(() => db?.drop());

  it("reads a non-trivial data model from Prisma", () => {
    expect(expected.tables).toContain("users");
    expect(expected.indexes.length).toBeGreaterThan(expected.tables.length);
  });
  it("has every model's table and no other", () => expect(actual.tables).toEqual(expected.tables));
  it("has every scalar field's column with its type, nullability and database default", () => expect(actual.columns).toEqual(expected.columns));
  it("has every @id, @unique, @@unique and @@index under Prisma's names", () => expect(actual.indexes).toEqual(expected.indexes));
  it("has every relation's foreign key with its referential actions", () => expect(actual.foreignKeys).toEqual(expected.foreignKeys));
  it("has every enum with its values in order", () => expect(actual.enums).toEqual(expected.enums));
});
