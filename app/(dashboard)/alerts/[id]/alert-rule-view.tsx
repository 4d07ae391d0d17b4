"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { AuditList, NotificationsTable, TransitionsTable } from "@/components/alerts/alert-history-tables";
import { AlertSeriesTable } from "@/components/alerts/alert-series-table";
import { OpenIncidentFromAlertButton } from "@/components/alerts/open-incident-from-alert-button";
import { RuleActions } from "@/components/alerts/rule-actions";
import { RuleStateBadge } from "@/components/alerts/rule-state-badge";
import { RuleSummary } from "@/components/alerts/rule-summary";
import { RuleValuePanel } from "@/components/alerts/rule-value-panel";
import { useCan } from "@/components/auth/actor-context";
import { CopyLinkButton } from "@/components/share/copy-link-button";
import { ShareMenu } from "@/components/share/share-menu";
import { ErrorPanel } from "@/components/ui/error-panel";
import { alertRuleQueryOptions, silenceAlertRuleMutationOptions, unsilenceAlertRuleMutationOptions } from "@/lib/queries/alerts";
import { MEASURE_UNITS } from "@/lib/schemas/alert-rule";
import { alertRuleSearchParams } from "./search-params";

/** One rule: definition, series with silences, measured value, history, notifications and audit. */
export function AlertRuleView({ id }: { id: string }) {
  const canEdit = useCan("alerts:write");
  const canOpenIncident = useCan("incidents:write");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [state, setState] = useQueryStates(alertRuleSearchParams);
  const { data, error } = useQuery(alertRuleQueryOptions(id));
  const silence = useMutation(silenceAlertRuleMutationOptions(queryClient));
  const unsilence = useMutation(unsilenceAlertRuleMutationOptions(queryClient));
  if (error) return <div className="view"><ErrorPanel title="This rule cannot be shown" message={error.message} /><Link href="/alerts">Back to alerts</Link></div>;
  if (!data) return <div className="view"><p className="muted">Loading the rule…</p></div>;
  const { rule, schedule } = data;
  const wholeRuleSilence = data.silences.find((item) => item.seriesKey === null);
  return (
    <div className="view">
      <div className="toolbar">
        <h1>{rule.rule.name} <RuleStateBadge state={data.state} /></h1>
        <div className="toolbar-actions">
          <Link href="/alerts">All alerts</Link>
          <CopyLinkButton />
          <ShareMenu kind="alert" pathParams={{ id }} />
        </div>
      </div>
      {canEdit ? (
        <RuleActions rule={rule} wholeRuleSilence={wholeRuleSilence} onDeleted={() => router.push("/alerts")} onSilence={(endsAt) => silence.mutate({ id, input: { endsAt } })} onUnsilence={(silenceId) => unsilence.mutate({ id, silence: silenceId })} />
      ) : null}
      {silence.error ?? unsilence.error ? <p role="alert" className="error-text">{(silence.error ?? unsilence.error)!.message}</p> : null}
      {schedule?.lastError ? <p className="banner banner-error" role="alert" data-testid="rule-last-error">The engine rejected this rule&apos;s query at the last evaluation: {schedule.lastError}</p> : null}
      {schedule?.seriesCapped ? <p className="banner banner-warning" data-testid="series-capped">More services matched than the series cap ({rule.rule.scope.seriesCap}); the rest are not evaluated. Raise the cap or narrow the scope.</p> : null}
      <section className="panel" aria-labelledby="rule-definition-title">
        <h2 id="rule-definition-title">Rule (version {rule.version})</h2>
        <RuleSummary rule={rule.rule} />
        <p className="muted">
          {schedule?.lastEvaluatedAt ? `Last evaluated ${schedule.lastEvaluatedAt.replace("T", " ").slice(0, 19)} in ${schedule.lastDurationMs ?? "?"} ms (${schedule.evaluations} evaluations).` : "Not evaluated yet: the worker picks it up in its next cycle."}
        </p>
      </section>
      <section className="panel" aria-labelledby="series-title">
        <h2 id="series-title">Series</h2>
        {data.series.length === 0 ? <p className="muted">No series yet: they appear after the first evaluation.</p> : (
          <AlertSeriesTable series={data.series} silences={data.silences} unit={MEASURE_UNITS[rule.rule.measure.kind]} canEdit={canEdit} onSilence={(seriesKey, endsAt) => silence.mutate({ id, input: { seriesKey, endsAt } })} onUnsilence={(silenceId) => unsilence.mutate({ id, silence: silenceId })}
            stateActions={(item, label) => (canOpenIncident && item.status === "firing" ? <OpenIncidentFromAlertButton ruleId={id} seriesKey={item.seriesKey} seriesLabel={label} /> : null)} />
        )}
      </section>
      <RuleValuePanel rule={rule.rule} range={state.range} at={state.at} onRangeChange={(range) => void setState({ range })} />
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <TransitionsTable transitions={data.transitions} />
      </section>
      <section className="panel" aria-labelledby="notifications-title">
        <h2 id="notifications-title">Notifications</h2>
        <NotificationsTable notifications={data.notifications} />
      </section>
      <section className="panel" aria-labelledby="audit-title">
        <h2 id="audit-title">Changes</h2>
        <AuditList entries={data.audit} />
      </section>
    </div>
  );
}
