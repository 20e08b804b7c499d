import { z } from 'zod';
import { ASSESSMENT_STATUSES, INTENSITIES, SINA_CODED_FIELDS, TEXT_MAX } from './assessments.codes.ts';

const Version = z.number().int().min(1);
const Text = z.string().max(TEXT_MAX);
const UserRef = z.object({ id: z.string(), displayName: z.string() });
export const Intensity = z.enum(INTENSITIES);

export const Preliminary = z.strictObject({
  request: Text.default(''),
  needs: Text.default(''),
  resources: Text.default(''),
  notes: Text.default(''),
  /** Whether an in-depth assessment (quadro di approfondimento) is needed. */
  inDepthNeeded: z.boolean().default(true),
});
export type Preliminary = z.infer<typeof Preliminary>;

const SinaCode = z.string().max(4).nullable().optional();
/** The SINA block: SIUSS codes as strings (checked against the CSV by the service), InvCiv repeatable. */
export const Sina = z.strictObject({
  ...(Object.fromEntries(SINA_CODED_FIELDS.map(({ field }) => [field, SinaCode])) as Record<(typeof SINA_CODED_FIELDS)[number]['field'], typeof SinaCode>),
  InvCiv: z.array(z.string().max(4)).max(8).optional(),
  /** Date of the assessment the SINA data comes from. */
  DataValutazione: z.iso.date().nullable().optional(),
});
export type Sina = z.infer<typeof Sina>;

export const LevelLabel = z.object({ value: z.number().int(), it: z.string(), en: z.string() });

/** A dimension of a version: its definition as configured when the version was created, score and notes. */
export const AssessedDimension = z.object({
  code: z.string(),
  nameIt: z.string(),
  nameEn: z.string(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  levelLabels: z.array(LevelLabel),
  score: z.number().int().nullable(),
  notes: z.string(),
});
export type AssessedDimension = z.infer<typeof AssessedDimension>;

export const DimensionInput = z.strictObject({ code: z.string().min(1).max(30), score: z.number().int().nullable(), notes: Text.default('') });

export const AssessmentBody = z.strictObject({
  version: Version,
  preliminary: Preliminary,
  dimensions: z.array(DimensionInput).max(50).default([]),
  sina: Sina.nullable().default(null),
  /** The intensity chosen; when it differs from the proposed one, intensityReason is required. */
  intensity: Intensity.nullable().default(null),
  intensityReason: z.string().trim().max(2000).nullable().default(null),
});
export type AssessmentBody = z.infer<typeof AssessmentBody>;

export const NewAssessmentBody = z.strictObject({
  /** Start from the content of the latest version (default) or from empty. */
  copyLatest: z.boolean().default(true),
});
export type NewAssessmentBody = z.infer<typeof NewAssessmentBody>;

export const VersionBody = z.strictObject({ version: Version });

export const AssessmentSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  number: z.number(),
  status: z.enum(ASSESSMENT_STATUSES),
  proposedIntensity: Intensity.nullable(),
  intensity: Intensity.nullable(),
  createdAt: z.string(),
  createdBy: UserRef,
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  completedBy: UserRef.nullable(),
  version: z.number(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

export const Assessment = AssessmentSummary.extend({
  preliminary: Preliminary,
  dimensions: z.array(AssessedDimension),
  sina: Sina.nullable(),
  intensityReason: z.string().nullable(),
  updatedBy: UserRef,
});
export type Assessment = z.infer<typeof Assessment>;

export const SinaOption = z.object({ field: z.string(), codes: z.array(z.object({ code: z.string(), it: z.string(), en: z.string() })) });
export type SinaOption = z.infer<typeof SinaOption>;
