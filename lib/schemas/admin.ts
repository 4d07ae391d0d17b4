import { z } from "zod";
import { roleSchema } from "./auth";

/** What the admin pages show of a user, an API token and an audit event: written by the server verbs, read by the tables. */
export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const apiTokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  owner: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const auditEventSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  action: z.string(),
  actorEmail: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.unknown(),
  ip: z.string().nullable(),
});

export type UserSummary = z.infer<typeof userSummarySchema>;
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;
/** Returned once, at creation: the raw token is never stored or shown again. */
export type CreatedApiToken = ApiTokenSummary & { token: string };
export type AuditEventSummary = z.infer<typeof auditEventSummarySchema>;
