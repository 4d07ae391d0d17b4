"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { FieldMapping } from "@/lib/schemas/field-mapping";
import { DURATION_UNITS, LEVEL_SCHEMES, STATEMENT_FORMATS } from "@/lib/schemas/field-mapping";
import type { FieldMappingProposal } from "@/lib/schemas/field-mapping-proposal";
import { logSettingsSchema } from "@/lib/schemas/log-settings";
import { logSourceInputSchema, type LogSourceInput } from "@/lib/schemas/log-source";
import { DetectMapping } from "./detect-mapping";
import { MappingFields } from "./mapping-fields";

// The form edits correlation ids as one comma-separated text; the contract keeps a list. The level
// scheme's and the route's defaults are for stored settings that predate them; the form always holds both.
const formSchema = logSourceInputSchema.extend({
  enabled: z.boolean(),
  mapping: logSettingsSchema.shape.mapping.extend({
    correlationIds: z.string().trim().min(1, "name at least one field"),
    levelScheme: z.enum(LEVEL_SCHEMES),
    route: logSettingsSchema.shape.mapping.shape.route.unwrap(),
    statementFormat: z.enum(STATEMENT_FORMATS),
    // Empty means "the duration field above": the contract leaves both out then.
    statementDuration: z.string().trim().max(256),
    statementDurationUnit: z.enum(DURATION_UNITS).or(z.literal("")),
  }),
});
export type LogSettingsFormValues = z.infer<typeof formSchema>;

function toFormValues(settings: LogSourceInput): LogSettingsFormValues {
  const { statementDuration = "", statementDurationUnit = "", statementFormat = "field" } = settings.mapping;
  return { ...settings, mapping: { ...settings.mapping, statementFormat, statementDuration, statementDurationUnit, correlationIds: settings.mapping.correlationIds.join(", ") } };
}

function fromFormValues(values: LogSettingsFormValues): LogSourceInput {
  const correlationIds = values.mapping.correlationIds.split(",").map((field) => field.trim()).filter(Boolean);
  const { statementDuration, statementDurationUnit, ...mapping } = values.mapping;
  const statement = statementDuration ? { statementDuration, ...(statementDurationUnit ? { statementDurationUnit } : {}) } : {};
  return { ...values, mapping: { ...mapping, ...statement, correlationIds } as FieldMapping };
}

export interface LogSettingsFormProps {
  defaultValues: LogSourceInput;
  readOnly: boolean;
  onSubmit: (source: LogSourceInput) => Promise<void>;
  onCancel?: () => void;
}

/** One log source: its name, its index pattern and how its fields are named ("Detect mapping" proposes them). */
export function LogSettingsForm({ defaultValues, readOnly, onSubmit, onCancel }: LogSettingsFormProps) {
  const form = useForm<LogSettingsFormValues>({ resolver: zodResolver(formSchema), defaultValues: toFormValues(defaultValues) });
  const submit = form.handleSubmit((values) => onSubmit(fromFormValues(values)));
  // Only what was found replaces the form's values; concepts not found keep what the admin has.
  const applyProposal = (proposal: FieldMappingProposal) => {
    const options = { shouldDirty: true, shouldValidate: true };
    for (const report of proposal.concepts) {
      if (!report.found) continue;
      if (report.concept === "correlationIds") form.setValue("mapping.correlationIds", report.fields.join(", "), options);
      else form.setValue(`mapping.${report.concept}`, report.fields[0] ?? proposal.mapping[report.concept] ?? "", options);
      if (report.concept === "sqlStatement") form.setValue("mapping.statementFormat", proposal.mapping.statementFormat, options);
      if (report.concept === "statementDuration") form.setValue("mapping.statementDurationUnit", proposal.mapping.statementDurationUnit ?? "", options);
      if (report.concept === "duration") form.setValue("mapping.durationUnit", proposal.mapping.durationUnit, options);
      if (report.concept === "level") form.setValue("mapping.levelScheme", proposal.mapping.levelScheme, options);
    }
  };
  return (
    <form onSubmit={submit} aria-label="Log source" noValidate>
      <fieldset disabled={readOnly || form.formState.isSubmitting} data-testid="log-settings-fieldset">
        <legend>Where logs live and what their fields are called</legend>
        <label className="field">
          <span>Source name</span>
          <input {...form.register("name")} aria-invalid={!!form.formState.errors.name} />
          {form.formState.errors.name ? <small className="error-text">{form.formState.errors.name.message}</small> : null}
        </label>
        <label className="field field-inline">
          <input type="checkbox" {...form.register("enabled")} />
          <span>Read by every view</span>
        </label>
        <label className="field">
          <span>Index pattern</span>
          <input {...form.register("indexPattern")} aria-invalid={!!form.formState.errors.indexPattern} />
          {form.formState.errors.indexPattern ? <small className="error-text">{form.formState.errors.indexPattern.message}</small> : null}
        </label>
        {readOnly ? null : <DetectMapping getIndexPattern={() => form.getValues("indexPattern")} onProposal={applyProposal} />}
        <MappingFields register={form.register} errors={form.formState.errors} />
      </fieldset>
      {readOnly ? null : (
        <div className="form-actions">
          <button type="submit" disabled={form.formState.isSubmitting}>Save source</button>
          {onCancel ? <button type="button" className="link-button" onClick={onCancel}>Cancel</button> : null}
        </div>
      )}
    </form>
  );
}
