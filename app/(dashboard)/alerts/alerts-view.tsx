"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { AlertRulesTable } from "@/components/alerts/alert-rules-table";
import { RuleImportExport } from "@/components/alerts/rule-import-export";
import { useCan } from "@/components/auth/actor-context";
import { CopyLinkButton } from "@/components/share/copy-link-button";
import { ShareMenu } from "@/components/share/share-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { alertRulesQueryOptions, setAlertRuleEnabledMutationOptions } from "@/lib/queries/alerts";
import { ALERT_SEVERITIES } from "@/lib/schemas/alert-rule";
import { RULE_STATES } from "@/lib/schemas/alert-rule-api";
import { UrlStateNotice } from "@/lib/url-state/url-state-notice";
import { alertsSearchParams } from "./search-params";

/** Alert rules, firing first, filtered by state, severity, service and label (all in the URL). */
export function AlertsView() {
  const canEdit = useCan("alerts:write");
  const queryClient = useQueryClient();
  const [filters, setFilters] = useQueryStates(alertsSearchParams);
  const params = { state: filters.state ?? undefined, severity: filters.severity ?? undefined, service: filters.service ?? undefined, label: filters.label ?? undefined };
  const { data, error } = useQuery(alertRulesQueryOptions(params));
  const toggle = useMutation(setAlertRuleEnabledMutationOptions(queryClient));
  const filtered = Object.values(params).some(Boolean);
  return (
    <div className="view">
      <div className="toolbar">
        <h1>Alerts</h1>
        <div className="toolbar-actions">
          {canEdit ? <Link href="/alerts/new" className="button-like">New rule</Link> : null}
          <Link href="/alerts/contact-points">Contact points</Link>
          <CopyLinkButton />
          <ShareMenu kind="alerts" />
        </div>
      </div>
      <UrlStateNotice parsers={alertsSearchParams} />
      <section className="panel" aria-labelledby="alert-rules-title">
        <h2 id="alert-rules-title">Rules</h2>
        <form
          className="filters"
          role="search"
          aria-label="Filter rules"
          onSubmit={(event) => {
            // Enter in a text filter applies both text filters at once.
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            void setFilters({ service: String(form.get("service") ?? "").trim() || null, label: String(form.get("label") ?? "").trim() || null });
          }}
        >
          <label className="field">
            <span>State</span>
            <select value={filters.state ?? ""} onChange={(event) => void setFilters({ state: (event.target.value || null) as never })}>
              <option value="">any</option>
              {RULE_STATES.map((state) => <option key={state} value={state}>{state}</option>)}
            </select>
          </label>
          <label className="field">
            <span>Severity</span>
            <select value={filters.severity ?? ""} onChange={(event) => void setFilters({ severity: (event.target.value || null) as never })}>
              <option value="">any</option>
              {ALERT_SEVERITIES.map((severity) => <option key={severity} value={severity}>{severity}</option>)}
            </select>
          </label>
          <label className="field">
            <span>Service</span>
            <input name="service" defaultValue={filters.service ?? ""} onBlur={(event) => void setFilters({ service: event.target.value.trim() || null })} placeholder="users" />
          </label>
          <label className="field">
            <span>Label (key or key=value)</span>
            <input name="label" defaultValue={filters.label ?? ""} onBlur={(event) => void setFilters({ label: event.target.value.trim() || null })} placeholder="team=identity" />
          </label>
          <button type="submit">Filter</button>
        </form>
        {error ? <ErrorPanel title="Alert rules are unavailable" message={error.message} /> : null}
        {data?.unreadable ? <p className="banner banner-warning">{data.unreadable} stored rule(s) no longer match the rule schema and are not listed; export and fix them.</p> : null}
        {toggle.error ? <p role="alert" className="error-text">{toggle.error.message}</p> : null}
        {data && data.rules.length === 0 ? <EmptyState title={filtered ? "No rule matches these filters" : "No alert rules yet"}>{canEdit && !filtered ? <Link href="/alerts/new">Create the first rule</Link> : null}</EmptyState> : null}
        {data && data.rules.length > 0 ? <AlertRulesTable rules={data.rules} canEdit={canEdit} onToggle={(rule) => toggle.mutate({ id: rule.id, version: rule.version, enabled: !rule.enabled })} /> : null}
      </section>
      <section className="panel" aria-labelledby="alerts-as-code-title">
        <h2 id="alerts-as-code-title">Alerts as code</h2>
        <RuleImportExport canEdit={canEdit} />
      </section>
    </div>
  );
}
