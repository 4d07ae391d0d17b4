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
          <div className="field">
            <label className="field-label">
              <span>Services (comma-separated; empty: all services)</span>
              <input defaultValue={(field.value ?? []).join(", ")} onChange={(event) => field.onChange(parseList(event.target.value))} onBlur={field.onBlur} placeholder="users, orders" {...invalidProps(errors, "scope.services")} />
            </label>
            <FieldError errors={errors} name="scope.services" />
          </div>
        )}
      />
      <div className="field">
        <label className="field-label">
          <span>Environment (empty: all)</span>
          <input {...register("scope.environment", { setValueAs: (value: string) => (value ? value : undefined) })} placeholder="production" {...invalidProps(errors, "scope.environment")} />
        </label>
        <FieldError errors={errors} name="scope.environment" />
      </div>
      <div className="field">
        <label className="field-label">
          <span>Extra Lucene query every counted line must match</span>
          <input {...register("scope.query")} placeholder="url.path:/api/*" {...invalidProps(errors, "scope.query")} />
        </label>
        <FieldError errors={errors} name="scope.query" />
      </div>
      <label className="field field-inline">
        <input type="checkbox" {...register("scope.perService")} />
        <span>One series per service</span>
      </label>
      <div className="field">
        <label className="field-label">
          <span>Series cap (most series per rule)</span>
          <input type="number" min={1} {...register("scope.seriesCap", { setValueAs: asNumber })} {...invalidProps(errors, "scope.seriesCap")} />
        </label>
        <FieldError errors={errors} name="scope.seriesCap" />
      </div>
    </fieldset>
  );
}
