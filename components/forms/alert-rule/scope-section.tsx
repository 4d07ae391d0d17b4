"use client";

import { Controller } from "react-hook-form";
import { FieldError, invalidProps } from "./field-error";
import { asNumber, type AlertRuleFormApi } from "./form-types";

const parseList = (text: string) => text.split(",").map((item) => item.trim()).filter(Boolean);

/** Which lines count: services, environment, an extra query, and whether each service is its own series. */
export function ScopeSection({ form }: { form: AlertRuleFormApi }) {
  const { register, formState: { errors } } = form;
  return (
    <fieldset className="form-section">
      <legend>Scope</legend>
      <Controller
        control={form.control}
        name="scope.services"
        render={({ field }) => (
          <label className="field">
            <span>Services (comma-separated; empty: all services)</span>
            <input defaultValue={(field.value ?? []).join(", ")} onChange={(event) => field.onChange(parseList(event.target.value))} onBlur={field.onBlur} placeholder="users, orders" {...invalidProps(errors, "scope.services")} />
            <FieldError errors={errors} name="scope.services" />
          </label>
        )}
      />
      <label className="field">
        <span>Environment (empty: all)</span>
        <input {...register("scope.environment", { setValueAs: (value: string) => (value ? value : undefined) })} placeholder="production" {...invalidProps(errors, "scope.environment")} />
        <FieldError errors={errors} name="scope.environment" />
      </label>
      <label className="field">
        <span>Extra Lucene query every counted line must match</span>
        <input {...register("scope.query")} placeholder="url.path:/api/*" {...invalidProps(errors, "scope.query")} />
        <FieldError errors={errors} name="scope.query" />
      </label>
      <label className="field field-inline">
        <input type="checkbox" {...register("scope.perService")} />
        <span>One series per service</span>
      </label>
      <label className="field">
        <span>Series cap (most series per rule)</span>
        <input type="number" min={1} {...register("scope.seriesCap", { setValueAs: asNumber })} {...invalidProps(errors, "scope.seriesCap")} />
        <FieldError errors={errors} name="scope.seriesCap" />
      </label>
    </fieldset>
  );
}
