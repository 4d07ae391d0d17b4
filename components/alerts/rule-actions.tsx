"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteAlertRuleMutationOptions, duplicateAlertRuleMutationOptions, setAlertRuleEnabledMutationOptions } from "@/lib/queries/alerts";
import type { AlertRule } from "@/lib/schemas/alert-rule";
import type { AlertSilenceView } from "@/lib/schemas/alert-rule-api";
import { SilenceControl } from "./silence-control";

export interface RuleActionsProps {
  rule: AlertRule;
  wholeRuleSilence: AlertSilenceView | undefined;
  onDeleted: () => void;
  onSilence: (endsAt: string) => void;
  onUnsilence: (silenceId: string) => void;
}

/** Edit, duplicate, enable/disable, silence the whole rule, delete (after a confirmation naming it). */
export function RuleActions({ rule, wholeRuleSilence, onDeleted, onSilence, onUnsilence }: RuleActionsProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation(setAlertRuleEnabledMutationOptions(queryClient));
  const duplicate = useMutation(duplicateAlertRuleMutationOptions(queryClient));
  const remove = useMutation(deleteAlertRuleMutationOptions(queryClient));
  const failure = toggle.error ?? duplicate.error ?? remove.error;
  return (
    <div className="rule-actions" role="group" aria-label="Rule actions">
      <Link href={`/alerts/${rule.id}/edit`} className="button-like">Edit</Link>
      <button type="button" onClick={() => duplicate.mutate(rule.id, { onSuccess: (copy) => router.push(`/alerts/${copy.id}`) })}>Duplicate</button>
      <button type="button" onClick={() => toggle.mutate({ id: rule.id, version: rule.version, enabled: !rule.rule.enabled })}>{rule.rule.enabled ? "Disable" : "Enable"}</button>
      {wholeRuleSilence ? (
        <span>Whole rule silenced until {wholeRuleSilence.endsAt.replace("T", " ").slice(0, 19)} <button type="button" className="link-button" onClick={() => onUnsilence(wholeRuleSilence.id)}>End silence</button></span>
      ) : (
        <SilenceControl target="the whole rule" onSilence={onSilence} />
      )}
      {confirming ? (
        <span role="alertdialog" aria-label="Confirm deletion">
          Delete {rule.rule.name} with its history?{" "}
          <button type="button" className="danger" onClick={() => remove.mutate({ id: rule.id, version: rule.version }, { onSuccess: onDeleted })}>Delete for good</button>{" "}
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>Keep it</button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>Delete…</button>
      )}
      {failure ? <p role="alert" className="error-text">{failure.message}</p> : null}
    </div>
  );
}
