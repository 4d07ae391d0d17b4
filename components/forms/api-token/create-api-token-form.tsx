"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { ROLES } from "@/lib/auth/roles";
import { createApiTokenSchema, type CreateApiTokenInput } from "@/lib/schemas/auth";

export function CreateApiTokenForm({ onSubmit }: { onSubmit: (values: CreateApiTokenInput) => Promise<void> }) {
  const form = useForm<CreateApiTokenInput>({ resolver: zodResolver(createApiTokenSchema), defaultValues: { name: "", role: "viewer" } });
  const { errors, isSubmitting } = form.formState;
  return (
    <form aria-label="Create API token" noValidate onSubmit={form.handleSubmit(async (values) => { await onSubmit(values); form.reset(); })}>
      <div className="form-grid">
        <label className="field"><span>Name (what uses it)</span><input {...form.register("name")} />{errors.name ? <small className="error-text">{errors.name.message}</small> : null}</label>
        <label className="field"><span>Role</span><select {...form.register("role")}>{ROLES.map((role) => <option key={role}>{role}</option>)}</select></label>
      </div>
      <div className="form-actions"><button type="submit" disabled={isSubmitting}>Create token</button></div>
    </form>
  );
}
