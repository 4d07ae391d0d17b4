import "server-only";

/** A database slow statements can be explained against (configured in TARGET_DATABASE_URL / TARGET_DATABASES). */
export interface TargetDatabaseConfig {
  name: string;
  url: string;
  /** Services whose statements run on it; empty: any service. */
  services: string[];
  /** Marked so explicitly (the demo's own): a real index may be built there in a rolled-back transaction. */
  disposable: boolean;
}

export interface ExplainOptions {
  /** Runs the statement (SELECT only), inside a transaction that is rolled back. */
  analyze: boolean;
  /** EXPLAIN (GENERIC_PLAN), PostgreSQL 16+: plans a statement with $n and no values. */
  genericPlan: boolean;
  /** HypoPG's CREATE INDEX statements to create hypothetically before the second explain. */
  hypothetical?: string[];
  /**
   * A CREATE INDEX built for real, then the statement explained again, all rolled back. It holds a
   * SHARE lock on the table for the whole build: only for targets marked disposable.
   */
  realIndex?: string;
  timeoutMs: number;
}

export interface ExplainAnswer {
  serverVersionNum: number;
  plan: unknown;
  /** The plan with the hypothetical indexes, when asked. */
  hypotheticalPlan?: unknown;
  /** The plan with the index really built (disposable targets), when asked. */
  builtPlan?: unknown;
  /** Estimated rows per sequentially scanned relation (pg_class.reltuples). */
  tableRows: Record<string, number>;
  hypopg: HypopgStatus;
}

export type HypopgStatus = { state: "ready" } | { state: "not-created" } | { state: "not-installed"; embedded: boolean };

/** The port: one adapter (pg) today; every call opens, uses and closes one connection (PGlite serves one). */
export interface TargetDatabase {
  readonly config: TargetDatabaseConfig;
  explain(sql: string, options: ExplainOptions): Promise<ExplainAnswer>;
}

/** The target cannot be reached or refused the connection: a 503 with this message. */
export class TargetDatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TargetDatabaseUnavailableError";
  }
}

/** The database refused the statement (syntax, unknown relation, timeout): a 422 with its message. */
export class TargetStatementError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TargetStatementError";
  }
}
