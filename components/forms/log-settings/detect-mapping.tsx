"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fieldMappingProposalQueryOptions } from "@/lib/queries/sources";
import type { FieldMappingProposal, MappingConcept } from "@/lib/schemas/field-mapping-proposal";
import { indexPatternSchema } from "@/lib/schemas/log-settings";
import { TEXT_FIELDS } from "./mapping-fields";

const LABELS: Record<MappingConcept, string> = { ...Object.fromEntries(TEXT_FIELDS), correlationIds: "Correlation ids" } as Record<MappingConcept, string>;

/** The unit or scheme that comes with a field: durations in ms or ns, levels as names or numbers. */
function qualifier(concept: MappingConcept, proposal: FieldMappingProposal): string {
  if (concept === "duration") return ` (${proposal.mapping.durationUnit})`;
  if (concept === "level") return ` (${proposal.mapping.levelScheme})`;
  return "";
}

interface Props {
  /** The pattern currently typed in the form, read when the button is pressed. */
  getIndexPattern: () => string;
  /** Fills the form with what was found; saving stays the admin's decision. */
  onProposal: (proposal: FieldMappingProposal) => void;
}

/** "Detect mapping": proposes field names from the index's `_field_caps` and shows what was found. */
export function DetectMapping({ getIndexPattern, onProposal }: Props) {
  const queryClient = useQueryClient();
  const [proposal, setProposal] = useState<FieldMappingProposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const detect = async () => {
    const pattern = indexPatternSchema.safeParse(getIndexPattern());
    if (!pattern.success) return setError(pattern.error.issues[0]?.message ?? "Enter a valid index pattern first.");
    setPending(true);
    setError(null);
    try {
      const result = await queryClient.fetchQuery(fieldMappingProposalQueryOptions(pattern.data));
      setProposal(result);
      onProposal(result);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="field detect-mapping" data-testid="detect-mapping">
      <div className="form-actions">
        <button type="button" onClick={detect} disabled={pending}>{pending ? "Detecting…" : "Detect mapping"}</button>
        <small className="notice">Reads the index pattern&apos;s fields and fills in the ones it recognises. Nothing is saved until you press Save settings.</small>
      </div>
      {error ? <p role="alert" className="error-text">{error}</p> : null}
      {proposal ? (
        <div role="status">
          <p className="notice">
            Proposal for {proposal.indexPattern} ({proposal.indexCount} {proposal.indexCount === 1 ? "index" : "indices"}): {proposal.concepts.filter((c) => c.found).length} of {proposal.concepts.length} fields found.
          </p>
          {proposal.notices.map((notice) => <p key={notice} className="notice">{notice}</p>)}
          <div className="table-scroll">
            <table className="table mapping-proposal" data-testid="mapping-proposal">
              <thead>
                <tr><th>Concept</th><th>Proposed field</th><th>Type</th><th>Also present</th><th>Note</th></tr>
              </thead>
              <tbody>
                {proposal.concepts.map((concept) => (
                  <tr key={concept.concept} data-concept={concept.concept} data-found={concept.found} className={concept.found ? undefined : "is-missing"}>
                    <td>{LABELS[concept.concept]}</td>
                    <td>{concept.found ? concept.fields.join(", ") + qualifier(concept.concept, proposal) : "not found (unchanged)"}</td>
                    <td>{concept.type ?? "–"}</td>
                    <td>{concept.alternatives.map((alt) => `${alt.field} (${alt.type})`).join(", ") || "–"}</td>
                    <td>{concept.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </div>
  );
}
