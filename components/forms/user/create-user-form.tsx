"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { createUserSchema } from "@/lib/schemas/auth";

type Values = z.input<typeof createUserSchema>;

export function CreateUserForm({ onSubmit }: { onSubmit: (values: z.output<typeof createUserSchema>) => Promise<boolean> }) {
  const form = useForm<Values, unknown, z.output<typeof createUserSchema>>({ resolver: zodResolver(createUserSchema), defaultValues: { email: "", name: "", password: "", role: "viewer" } });
  const { errors, isSubmitting } = form.formState;
  return (
    <form aria-label="Add user" noValidate onSubmit={form.handleSubmit(async (values) => { if (await onSubmit(values)) form.reset(); })}>
      <div className="form-grid">
        <label className="field"><span>Email</span><input {...form.register("email")} />{errors.email ? <small className="error-text">{errors.email.message}</small> : null}</label>
        <label className="field"><span>Name</span><input {...form.register("name")} />{errors.name ? <small className="error-text">{errors.name.message}</small> : null}</label>
        <label className="field"><span>Initial password</span><input type="password" autoComplete="new-password" {...form.register("password")} />{errors.password ? <small className="error-text">{errors.password.message}</small> : null}</label>
        <label className="field"><span>Role</span><select {...form.register("role")}>{ROLES.map((role) => <option key={role}>{role}</option>)}</select></label>
      </div>
      <div className="form-actions"><button type="submit" disabled={isSubmitting}>Add user</button></div>
    </form>
  );
}
