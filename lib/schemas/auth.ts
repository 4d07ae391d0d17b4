import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { storableText } from "./storable-text";

export const emailSchema = storableText({ max: 254 }).toLowerCase().email("enter an email address");

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "enter your password").max(1024),
});

export const passwordSchema = z.string().min(12, "passwords have at least 12 characters").max(1024);

export const roleSchema = z.enum(ROLES);

export const createUserSchema = z.object({
  email: emailSchema,
  name: storableText({ max: 120 }).min(1, "enter a name"),
  password: passwordSchema,
  role: roleSchema.default("viewer"),
});

export const updateUserSchema = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((value) => value.role !== undefined || value.disabled !== undefined, "change the role or the disabled flag");

export const createApiTokenSchema = z.object({
  name: storableText({ max: 120 }).min(1, "name the token after what uses it"),
  role: roleSchema,
});

export const actorSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  via: z.enum(["session", "token", "proxy"]),
});

export type LoginInput = z.infer<typeof loginSchema>;
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
export type Actor = z.infer<typeof actorSchema>;
