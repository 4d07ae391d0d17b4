import { z } from "zod";
import { shareViewSchema } from "./share-link";
import { storableText } from "./storable-text";

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_SEVERITIES = ["sev1", "sev2", "sev3", "sev4"] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const SEVERITY_LABELS: Record<IncidentSeverity, string> = { sev1: "SEV1 critical", sev2: "SEV2 major", sev3: "SEV3 minor", sev4: "SEV4 low" };

/** Timeline entry kinds. `alert_transition` entries come from attachAlertEpisode (lib/server/incidents). */
export const INCIDENT_EVENT_KINDS = ["created", "status_changed", "updated", "note", "link_pinned", "alert_transition"] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

export const NOTE_MAX_LENGTH = 10_000;

const serviceName = storableText({ max: 128 }).min(1, "enter a service name").regex(/^[\w.\-:/]+$/, "service names use letters, digits and . - _ : /");
const instant = z.iso.datetime({ offset: true, error: "an ISO date-time such as 2026-12-01T14:00:00Z" });

const incidentFields = {
  title: storableText({ max: 200 }).min(1, "enter a title"),
  severity: z.enum(INCIDENT_SEVERITIES, { error: "choose a severity" }),
  status: z.enum(INCIDENT_STATUSES, { error: "choose a status" }),
  services: z.array(serviceName).max(20, "at most 20 services"),
  startedAt: instant,
  endedAt: instant.nullable(),
  commander: storableText({ max: 120 }).min(1, "name who leads the response"),
};

const endAfterStart = (value: { startedAt?: string; endedAt?: string | null }) => !value.startedAt || !value.endedAt || Date.parse(value.endedAt) >= Date.parse(value.startedAt);
const endAfterStartIssue = { message: "the end must not be before the start", path: ["endedAt"] };

/** The incident form (create and edit share it). */
export const incidentFormSchema = z.object(incidentFields).refine(endAfterStart, endAfterStartIssue);
export type IncidentFormValues = z.infer<typeof incidentFormSchema>;

/** Creating one; `fromView` pins the view it was opened from as a link. */
export const createIncidentSchema = z
  .object({ ...incidentFields, status: incidentFields.status.default("investigating"), endedAt: incidentFields.endedAt.default(null), fromView: shareViewSchema.optional() })
  .refine(endAfterStart, endAfterStartIssue);
export type CreateIncidentInput = z.input<typeof createIncidentSchema>;

/** An edit against the version the editor saw; only the fields given change. */
export const updateIncidentSchema = z
  .object({ ...Object.fromEntries(Object.entries(incidentFields).map(([key, schema]) => [key, schema.optional()])), version: z.number().int().min(1) } as {
    [K in keyof typeof incidentFields]: z.ZodOptional<(typeof incidentFields)[K]>;
  } & { version: z.ZodNumber })
  .refine(endAfterStart, endAfterStartIssue);
export type UpdateIncidentInput = z.input<typeof updateIncidentSchema>;

export const incidentNoteSchema = z.object({
  body: storableText({ max: NOTE_MAX_LENGTH, multiline: true }).min(1, "write something"),
});
export type IncidentNoteInput = z.infer<typeof incidentNoteSchema>;

/** Pins a share link (by its URL or slug); `snapshot` pins a new snapshot of that link's view instead. */
export const pinIncidentLinkSchema = z.object({
  link: storableText({ max: 2000 }).min(1, "paste a share link"),
  snapshot: z.boolean().default(false),
});
export type PinIncidentLinkInput = z.input<typeof pinIncidentLinkSchema>;

export const listIncidentsQuerySchema = z
  .object({
    status: z.array(z.enum(INCIDENT_STATUSES)).max(4).default([]),
    severity: z.array(z.enum(INCIDENT_SEVERITIES)).max(4).default([]),
    service: z.array(z.string().trim().min(1).max(128).regex(/^[\w.\-:/]+$/, "service names use letters, digits and . - _ : /")).max(20).default([]),
  })
  .strict();
export const LIST_INCIDENTS_ARRAY_KEYS = ["status", "severity", "service"];
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuerySchema>;

export interface IncidentSummary {
  id: string;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  services: string[];
  startedAt: string;
  endedAt: string | null;
  commander: string;
  version: number;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentEventView {
  id: string;
  kind: IncidentEventKind;
  at: string;
  actorName: string | null;
  body: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  /** The pinned link; null with `linkDeleted` when it was deleted since. */
  link: { slug: string; name: string; kind: string; hasSnapshot: boolean; requestId: string | null; from: string | null; to: string | null } | null;
  linkDeleted: boolean;
  alertRef: string | null;
  details: Record<string, unknown> | null;
}

export interface IncidentDetail extends IncidentSummary {
  events: IncidentEventView[];
}
