"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { explainMutationOptions, targetDatabasesQueryOptions } from "@/lib/queries/slow-queries";
import type { SlowQuerySample } from "@/lib/schemas/slow-queries";
import type { IndexHint } from "@/lib/sql/index-hints";
import { PlanTree } from "./plan-tree";

/**
 * EXPLAIN of one sample against its target database: a plain plan on click, ANALYZE only on its
 * own click (SELECT only, rolled back), index hints, and HypoPG's what-if for a hint.
 */
export function ExplainPanel({ sample, services }: { sample: SlowQuerySample | null; services: string[] }) {
  const targets = useQuery(targetDatabasesQueryOptions());
  const explain = useMutation(explainMutationOptions());
  const whatIf = useMutation(explainMutationOptions());
  const request = (extra: { analyze?: boolean; hypotheticalIndex?: { table: string; columns: string[] }; buildIndex?: boolean } = {}) =>
    sample ? { statement: sample.statement, ...(sample.parameters ? { parameters: sample.parameters } : {}), services, ...extra } : null;
  const run = (analyze: boolean) => {
    const body = request({ analyze });
    if (!body) return;
    whatIf.reset();
    explain.mutate(body);
  };
  const tryIndex = (hint: IndexHint, buildIndex = false) => {
    const body = request({ hypotheticalIndex: { table: hint.table, columns: hint.columns }, buildIndex, ...(answer ? { target: answer.target } : {}) });
    if (body) whatIf.mutate(body);
  };
  const answer = explain.data;
  // A real build holds a SHARE lock for the whole build: offered only where the target says it is disposable.
  const disposable = targets.data?.targets.find((target) => target.name === answer?.target)?.disposable ?? false;
  const noTargets = targets.data && targets.data.targets.length === 0;
  return (
    <section className="panel" aria-labelledby="explain-title" data-testid="explain-panel">
      <header className="panel-header">
        <h2 id="explain-title">EXPLAIN</h2>
        {targets.data?.targets.length ? <span className="muted">targets: {targets.data.targets.map((target) => target.name).join(", ")}</span> : null}
      </header>
      {noTargets ? <p className="notice">No target database is configured: set TARGET_DATABASE_URL (a read-only role) to explain statements.</p> : null}
      {sample ? (
        <>
          <p className="notice">Explaining the {sample.durationMs.toFixed(0)} ms run of {sample.timestamp ?? "an unknown time"}. The plan is read in a READ ONLY transaction with timeouts; ANALYZE runs the SELECT and rolls back.</p>
          <div className="form-actions">
            <button type="button" onClick={() => run(false)} disabled={explain.isPending}>Explain</button>
            <button type="button" onClick={() => run(true)} disabled={explain.isPending}>Explain analyze (runs the SELECT)</button>
          </div>
        </>
      ) : (
        <p className="notice">Pick a sample below (Explain) to see its plan.</p>
      )}
      {explain.isPending ? <div className="skeleton" aria-busy="true">Asking the database for a plan…</div> : null}
      {explain.error ? <ErrorPanel title="EXPLAIN failed" message={explain.error.message} /> : null}
      {answer ? (
        <div className="sq-explain" data-testid="explain-result">
          <p className="muted">
            {answer.target} (PostgreSQL {Math.floor(answer.serverVersion / 10_000)}), {answer.mode === "analyze" ? "EXPLAIN ANALYZE" : answer.mode === "generic" ? "EXPLAIN (GENERIC_PLAN)" : "EXPLAIN"}, {answer.tookMs} ms · total cost {answer.plan.totalCost.toFixed(2)}
          </p>
          <PlanTree root={answer.plan} label="Plan" />
          <h3 className="rq-subtitle">Index hints</h3>
          {answer.hints.length === 0 ? <p className="notice">No sequential scan with a filter on a large table: no index to propose.</p> : null}
          <ul className="sq-hints">
            {answer.hints.map((hint) => (
              <li key={hint.statement} data-testid="index-hint">
                <p>{hint.reason}</p>
                <pre className="json">{hint.statement}</pre>
                <div className="form-actions">
                  <CopyButton text={hint.statement} label="Copy statement" />
                  <button type="button" onClick={() => tryIndex(hint)} disabled={whatIf.isPending || answer.hypopg.state !== "ready"}>Try hypothetical index</button>
                  {disposable ? <button type="button" onClick={() => tryIndex(hint, true)} disabled={whatIf.isPending}>Build it for real (disposable target, rolled back)</button> : null}
                </div>
              </li>
            ))}
          </ul>
          {answer.hypopg.message ? <p className="banner banner-warning" data-testid="hypopg-missing">{answer.hypopg.message}</p> : null}
          {whatIf.error ? <ErrorPanel title="The what-if failed" message={whatIf.error.message} /> : null}
          {whatIf.data?.whatIf ? (
            <div data-testid="what-if">
              <p>
                With <code>{whatIf.data.whatIf.index}</code> ({whatIf.data.whatIf.kind === "built" ? "built for real and rolled back" : "hypothetical, nothing written"}): cost{" "}
                <strong data-field="cost-before">{whatIf.data.whatIf.costBefore.toFixed(2)}</strong> →{" "}
                <strong data-field="cost-after">{whatIf.data.whatIf.costAfter.toFixed(2)}</strong>
                {whatIf.data.whatIf.usesIndex ? " — the planner uses it." : " — the planner would not use it."}
              </p>
              <PlanTree root={whatIf.data.whatIf.plan} label="Plan with the hypothetical index" />
            </div>
          ) : null}
          {whatIf.data && !whatIf.data.whatIf && whatIf.data.hypopg.message ? <p className="banner banner-warning">{whatIf.data.hypopg.message}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
