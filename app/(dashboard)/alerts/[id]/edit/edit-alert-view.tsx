"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { useCan } from "@/components/auth/actor-context";
import { AlertRuleForm } from "@/components/forms/alert-rule/alert-rule-form";
import { ErrorPanel } from "@/components/ui/error-panel";
import { alertRuleQueryOptions, contactPointsQueryOptions, updateAlertRuleMutationOptions } from "@/lib/queries/alerts";
import type { AlertRule } from "@/lib/schemas/alert-rule";
import { editAlertSearchParams } from "./search-params";

export function EditAlertView({ id }: { id: string }) {
  const { data, error } = useQuery({ ...alertRuleQueryOptions(id), refetchInterval: false });
  const contactPoints = useQuery(contactPointsQueryOptions());
  // The version being edited is the one first loaded: a background refetch must not move it under the form.
  const [opened, setOpened] = useState<AlertRule | null>(null);
  const rule = opened ?? data?.rule ?? null;
  if (data && !opened) setOpened(data.rule);
  return (
    <div className="view">
      <div className="toolbar">
        <h1>Edit {rule?.rule.name ?? "alert rule"}</h1>
        <Link href={`/alerts/${id}`}>Back to the rule</Link>
      </div>
      {error ? <ErrorPanel title="This rule cannot be loaded" message={error.message} /> : null}
      {rule ? <EditForm rule={rule} contactPoints={contactPoints.data?.contactPoints} /> : null}
    </div>
  );
}

function EditForm({ rule, contactPoints }: { rule: AlertRule; contactPoints: Parameters<typeof AlertRuleForm>[0]["contactPoints"] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [state, setState] = useQueryStates(editAlertSearchParams);
  const update = useMutation(updateAlertRuleMutationOptions(queryClient));
  const canSave = useCan("alerts:write");
  return (
    <>
      <p className="muted" data-testid="editing-version">Editing version {rule.version}{rule.updatedBy ? `, last saved by ${rule.updatedBy}` : ""}.</p>
      <AlertRuleForm
        defaultValues={rule.rule}
        contactPoints={contactPoints}
        submitLabel="Save changes"
        canSave={canSave}
        range={state.range}
        onRangeChange={(range) => void setState({ range })}
        onSubmit={async (next) => {
          await update.mutateAsync({ id: rule.id, input: { version: rule.version, rule: next } });
          router.push(`/alerts/${rule.id}`);
        }}
      />
    </>
  );
}
