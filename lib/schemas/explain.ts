import { z } from "zod";
import type { PlanNode } from "@/lib/sql/explain-plan";
import type { IndexHint } from "@/lib/sql/index-hints";
import { storableText } from "./storable-text";

const identifier = z.string().regex(/^[A-Za-z_][\w$]{0,62}$/, "a table or column name (letters, digits, _)");
/** A logged parameter value exactly as PostgreSQL's DETAIL line prints it: a quoted literal or NULL. */
const parameterValue = z.string().max(10_000).regex(/^(?:'(?:[^']|'')*'|NULL)$/s, "a parameter is a quoted SQL literal ('42') or NULL");

/** POST /api/slow-queries/explain. Strict: an unknown key is a 400. */
export const explainRequestSchema = z
  .object({
    statement: storableText({ max: 100_000, multiline: true }).min(1, "statement is required"),
    parameters: z.array(parameterValue).max(100).optional(),
    /** A configured target's name; absent: the one serving `services`, else the default. */
    target: storableText({ max: 64 }).optional(),
    services: z.array(storableText({ max: 128 })).max(20).default([]),
    /** Runs the statement (SELECT only) in a rolled-back transaction. Only on an explicit click. */
    analyze: z.boolean().default(false),
    /** Explain again with this index created hypothetically by HypoPG. */
    hypotheticalIndex: z.object({ table: identifier, columns: z.array(identifier).min(1).max(8) }).strict().optional(),
    /** Build `hypotheticalIndex` for real inside the rolled-back transaction: only on a target marked disposable. */
    buildIndex: z.boolean().default(false),
  })
  .strict();
export type ExplainRequest = z.infer<typeof explainRequestSchema>;

/** GET /api/slow-queries/targets takes no parameters (strict: any is a 400). */
export const targetDatabasesParamsSchema = z.object({}).strict();

export const HYPOPG_STATES = ["ready", "not-created", "not-installed"] as const;

export interface ExplainResponse {
  target: string;
  serverVersion: number;
  /** "generic": EXPLAIN (GENERIC_PLAN) for a $n statement without values (PostgreSQL 16+). */
  mode: "plan" | "analyze" | "generic";
  /** The statement as explained (comment stripped, logged values bound). */
  explained: string;
  plan: PlanNode;
  hints: IndexHint[];
  hypopg: { state: (typeof HYPOPG_STATES)[number]; message: string | null };
  /** "hypothetical": HypoPG, nothing written; "built": really built and rolled back (disposable targets only). */
  whatIf: { kind: "hypothetical" | "built"; index: string; costBefore: number; costAfter: number; usesIndex: boolean; plan: PlanNode } | null;
  tookMs: number;
}

export interface TargetDatabaseSummary {
  name: string;
  services: string[];
  disposable: boolean;
}
