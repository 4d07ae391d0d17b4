"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { postJson } from "@/lib/queries/send-json";
import { loginSchema, type LoginInput } from "@/lib/schemas/auth";
import { safeNextPath } from "@/lib/auth/safe-next-path";

export function LoginForm({ next }: { next: string | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await postJson("/api/auth/login", values);
      // A full navigation, so the server renders the next page with the new session cookie.
      // Checked again against the origin the browser is really on, right where it navigates.
      window.location.assign(safeNextPath(next, window.location.origin));
    } catch (failure) {
      setError((failure as Error).message);
    }
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form className="login-form panel" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <h1>Sign in to Triage</h1>
      <label className="field">
        <span>Email</span>
        <input type="email" autoComplete="username" autoFocus {...form.register("email")} aria-invalid={!!errors.email} />
        {errors.email ? <small className="error-text">{errors.email.message}</small> : null}
      </label>
      <label className="field">
        <span>Password</span>
        <input type="password" autoComplete="current-password" {...form.register("password")} aria-invalid={!!errors.password} />
        {errors.password ? <small className="error-text">{errors.password.message}</small> : null}
      </label>
      {error ? <p role="alert" className="error-text">{error}</p> : null}
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? "Signing in…" : "Sign in"}</button>
    </form>
  );
}
