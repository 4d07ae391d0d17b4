import { z } from "zod";
import { fieldMappingSchema } from "@/lib/schemas/field-mapping";
import { indexPatternSchema } from "./log-settings";

/** GET /api/sources/detect: which index pattern to read `_field_caps` from. Strict like every query. */
export const detectFieldMappingParamsSchema = z.object({ indexPattern: indexPatternSchema }).strict();
export type DetectFieldMappingParams = z.infer<typeof detectFieldMappingParamsSchema>;

export const MAPPING_CONCEPTS = [
  "timestamp", "level", "service", "environment", "message", "status", "method", "path", "route", "duration",
  "errorType", "errorMessage", "errorStack", "sqlStatement", "statementDuration", "userId", "spanId", "parentId", "correlationIds",
] as const;
export type MappingConcept = (typeof MAPPING_CONCEPTS)[number];

const candidateSchema = z.object({
  field: z.string(),
  /** The engine's type(s); several when indices of the pattern disagree ("long, keyword"). */
  type: z.string(),
  /** Whether the type serves what the concept is used for (dates for time, numbers for status, keywords for counts). */
  suitable: z.boolean(),
});

export const conceptReportSchema = z.object({
  concept: z.enum(MAPPING_CONCEPTS),
  found: z.boolean(),
  /** The proposed field(s): one for most concepts, every match for correlation ids. */
  fields: z.array(z.string()),
  type: z.string().nullable(),
  /** Other candidates that exist in the index, in DESIGN.md's order. */
  alternatives: z.array(candidateSchema),
  note: z.string().nullable(),
});

export const fieldMappingProposalSchema = z.object({
  indexPattern: z.string(),
  /** How many indices the pattern matched when `_field_caps` answered. */
  indexCount: z.number().int(),
  mapping: fieldMappingSchema,
  concepts: z.array(conceptReportSchema),
  notices: z.array(z.string()),
});

export type MappingCandidate = z.infer<typeof candidateSchema>;
export type ConceptReport = z.infer<typeof conceptReportSchema>;
export type FieldMappingProposal = z.infer<typeof fieldMappingProposalSchema>;
