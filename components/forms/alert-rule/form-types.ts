import type { FieldPath, UseFormReturn } from "react-hook-form";
import type { AlertRuleFormValues, AlertRuleInput } from "@/lib/schemas/alert-rule";

/** The rule form as every section sees it: form values are the schema's input, submit gets its output. */
export type AlertRuleFormApi = UseFormReturn<AlertRuleFormValues, unknown, AlertRuleInput>;
export type AlertRuleField = FieldPath<AlertRuleFormValues>;

/** A number input's value: empty is NaN, so the schema says "enter a number" instead of storing 0. */
export const asNumber = (value: unknown) => (value === "" || value === null || value === undefined ? Number.NaN : Number(value));
/** An optional number: empty means none. */
export const asOptionalNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));
