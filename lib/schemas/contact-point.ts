import { z } from "zod";
import { checkWebhookUrlSyntax } from "@/lib/security/webhook-url-rules";
import { storableText } from "./storable-text";

/**
 * A contact point: where notifications go, reused by many rules. The URL passes the webhook URL
 * rules here (syntax, no credentials); the server re-checks it with DNS (the webhook URL policy)
 * when it is saved and again, resolving once and pinning the address, before every send.
 */
export const CONTACT_POINT_KINDS = ["webhook", "slack", "pagerduty"] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

export const PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

export const webhookUrlSchema = storableText({ max: 2_048 })
  .min(1, "enter the URL")
  .superRefine((url, context) => {
    const syntax = checkWebhookUrlSyntax(url);
    if (!syntax.ok) context.addIssue({ code: "custom", message: `the URL ${syntax.message}` });
  });

/** The HMAC-SHA256 signing secret: long enough to be unguessable. */
export const signingSecretSchema = storableText({ max: 256, trim: false }).min(16, "a signing secret has at least 16 characters");

export const contactPointInputSchema = z
  .object({
    name: storableText({ max: 120 }).min(1, "name the contact point"),
    kind: z.enum(CONTACT_POINT_KINDS),
    url: webhookUrlSchema,
    /** Signing secret for webhook and slack. Omitted on create: the server makes one; omitted on update: kept. */
    secret: signingSecretSchema.optional(),
    /** PagerDuty Events v2 integration (routing) key; required for pagerduty. */
    routingKey: storableText({ max: 64 }).regex(/^[A-Za-z0-9]+$/, "a routing key is letters and digits").optional(),
    enabled: z.boolean().default(true),
  })
  .superRefine((point, context) => {
    if (point.kind === "pagerduty" && !point.routingKey) context.addIssue({ code: "custom", path: ["routingKey"], message: "PagerDuty needs the integration's routing key" });
  });
export type ContactPointInput = z.infer<typeof contactPointInputSchema>;
export type ContactPointFormValues = z.input<typeof contactPointInputSchema>;

export const updateContactPointSchema = z.object({ version: z.number().int().min(1), contactPoint: contactPointInputSchema });
export type UpdateContactPointInput = z.infer<typeof updateContactPointSchema>;

/** As the API answers it: never the secret or the routing key, only whether they are set. */
export const contactPointSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CONTACT_POINT_KINDS),
  url: z.string(),
  hasSecret: z.boolean(),
  hasRoutingKey: z.boolean(),
  enabled: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type ContactPoint = z.infer<typeof contactPointSchema>;

/** What a "Send test" (and every delivery attempt) reports. */
export const deliveryResultSchema = z.object({
  ok: z.boolean(),
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
});
export type DeliveryResult = z.infer<typeof deliveryResultSchema>;
