"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { LEVEL_SCHEME_LABELS } from "@/lib/logs/level-scheme";
import { LEVEL_SCHEMES } from "@/lib/schemas/field-mapping";
import type { LogSettingsFormValues } from "./log-settings-form";

export const TEXT_FIELDS = [
  ["timestamp", "Time"], ["level", "Level"], ["service", "Service"], ["environment", "Environment"],
  ["message", "Message"], ["status", "HTTP status"], ["method", "HTTP method"], ["path", "URL path"], ["route", "Route template"],
  ["duration", "Duration"], ["errorType", "Error type"], ["errorMessage", "Error message"], ["errorStack", "Stack trace"],
  ["sqlStatement", "SQL statement"], ["userId", "User id"], ["spanId", "Span id"], ["parentId", "Parent span id"],
] as const;

interface Props {
  register: UseFormRegister<LogSettingsFormValues>;
  errors: FieldErrors<LogSettingsFormValues>;
}

/** One input per concept of the log schema; the defaults are the ECS names. */
export function MappingFields({ register, errors }: Props) {
  return (
    <div className="form-grid">
      {TEXT_FIELDS.map(([key, label]) => (
        <label className="field" key={key}>
          <span>{label}</span>
          <input {...register(`mapping.${key}`)} aria-invalid={!!errors.mapping?.[key]} />
          {errors.mapping?.[key] ? <small className="error-text">{errors.mapping[key]?.message}</small> : null}
        </label>
      ))}
      <label className="field">
        <span>Level scheme</span>
        <select {...register("mapping.levelScheme")}>
          {LEVEL_SCHEMES.map((scheme) => <option key={scheme} value={scheme}>{LEVEL_SCHEME_LABELS[scheme]}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Duration unit</span>
        <select {...register("mapping.durationUnit")}>
          <option value="ns">nanoseconds (ECS event.duration)</option>
          <option value="ms">milliseconds</option>
        </select>
      </label>
      <label className="field">
        <span>Slow SQL from</span>
        <select {...register("mapping.statementFormat")}>
          <option value="field">the SQL statement field</option>
          <option value="server-log">PostgreSQL server lines in the message</option>
        </select>
      </label>
      <label className="field">
        <span>Statement duration field (empty: the one above)</span>
        <input {...register("mapping.statementDuration")} aria-invalid={!!errors.mapping?.statementDuration} />
        {errors.mapping?.statementDuration ? <small className="error-text">{errors.mapping.statementDuration.message}</small> : null}
      </label>
      <label className="field">
        <span>Unit of the statement duration</span>
        <select {...register("mapping.statementDurationUnit")}>
          <option value="">as Duration</option>
          <option value="ns">nanoseconds</option>
          <option value="us">microseconds</option>
          <option value="ms">milliseconds</option>
          <option value="s">seconds</option>
        </select>
      </label>
      <label className="field">
        <span>Correlation id fields (comma-separated)</span>
        <input {...register("mapping.correlationIds")} aria-invalid={!!errors.mapping?.correlationIds} />
        {errors.mapping?.correlationIds ? <small className="error-text">{errors.mapping.correlationIds.message}</small> : null}
      </label>
    </div>
  );
}
