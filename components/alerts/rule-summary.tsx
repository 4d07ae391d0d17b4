import { MEASURE_UNITS, type AlertRuleInput } from "@/lib/schemas/alert-rule";

/** The rule's definition in words, with units. */
export function RuleSummary({ rule }: { rule: AlertRuleInput }) {
  const unit = MEASURE_UNITS[rule.measure.kind];
  const { condition, scope } = rule;
  const measure = rule.measure.kind === "latency_percentile" ? `${rule.measure.percentile} latency` : rule.measure.kind === "query_count" ? `lines matching ${rule.measure.query}` : rule.measure.kind.replace(/_/g, " ");
  return (
    <dl className="field-list rule-summary">
      <div className="field-row"><dt>Measure</dt><dd>{measure} ({unit})</dd></div>
      <div className="field-row"><dt>Scope</dt><dd>{scope.services.length ? scope.services.join(", ") : "all services"}{scope.environment ? ` in ${scope.environment}` : ""}{scope.query ? ` where ${scope.query}` : ""}{scope.perService ? `, one series per service (cap ${scope.seriesCap})` : ""}</dd></div>
      <div className="field-row"><dt>Condition</dt><dd>{condition.comparator} {condition.threshold} {unit} over {condition.windowMinutes} minutes, every {condition.intervalSeconds} s{condition.recoveryThreshold !== null ? `; recovers at ${condition.recoveryThreshold} ${unit}` : ""}</dd></div>
      <div className="field-row"><dt>Pending / keep firing</dt><dd>{condition.pendingSeconds} s / {condition.keepFiringSeconds} s</dd></div>
      <div className="field-row"><dt>Flapping</dt><dd>{rule.flapping.changes} changes in {rule.flapping.evaluations} evaluations</dd></div>
      <div className="field-row"><dt>No data / engine error</dt><dd>{rule.noData} / {rule.engineError}</dd></div>
      <div className="field-row"><dt>Severity</dt><dd>{rule.severity}</dd></div>
      {rule.runbookUrl ? <div className="field-row"><dt>Runbook</dt><dd><a href={rule.runbookUrl} rel="noreferrer noopener" target="_blank">{rule.runbookUrl}</a></dd></div> : null}
      {rule.description ? <div className="field-row"><dt>Description</dt><dd>{rule.description}</dd></div> : null}
    </dl>
  );
}
