"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { useCan } from "@/components/auth/actor-context";
import { AlertRuleForm } from "@/components/forms/alert-rule/alert-rule-form";
import { newRuleValues } from "@/lib/alerts/new-rule-values";
import { contactPointsQueryOptions, createAlertRuleMutationOptions } from "@/lib/queries/alerts";
import { UrlStateNotice } from "@/lib/url-state/url-state-notice";
import { newAlertSearchParams } from "./search-params";

export function NewAlertView() {
  const canEdit = useCan("alerts:write");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [state, setState] = useQueryStates(newAlertSearchParams);
  // The prefill is read once: later URL changes (the backtest range) must not reset what was typed.
  const [defaults] = useState(() => newRuleValues(state));
  const contactPoints = useQuery(contactPointsQueryOptions());
  const create = useMutation(createAlertRuleMutationOptions(queryClient));
  return (
    <div className="view">
      <div className="toolbar">
        <h1>New alert rule</h1>
        <Link href="/alerts">Back to alerts</Link>
      </div>
      <UrlStateNotice parsers={newAlertSearchParams} />
      {!canEdit ? <p className="notice">Your role can preview rules but not save them; ask an editor.</p> : null}
      <AlertRuleForm
        defaultValues={defaults}
        contactPoints={contactPoints.data?.contactPoints}
        submitLabel="Save rule"
        canSave={canEdit}
        range={state.preview}
        onRangeChange={(preview) => void setState({ preview })}
        onSubmit={async (rule) => {
          const saved = await create.mutateAsync(rule);
          router.push(`/alerts/${saved.id}`);
        }}
      />
    </div>
  );
}
