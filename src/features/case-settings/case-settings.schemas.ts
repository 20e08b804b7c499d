import { z } from 'zod';
import { INACTIVITY_DAYS, LEGAL_DEADLINE_DAYS, LETTER_LANGUAGES, NEAR_DEADLINE_DAYS } from './case-settings.codes.ts';

const code = z.string().trim().regex(/^[A-Z0-9_]{2,30}$/, 'referenceCode');
const name = z.string().trim().min(2).max(120);

export const ListQuery = z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() });
export type ListQuery = z.infer<typeof ListQuery>;

export const ProcedureType = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  legalDeadlineDays: z.number().int(),
  isActive: z.boolean(),
});
export type ProcedureType = z.infer<typeof ProcedureType>;

export const ProcedureTypeUpdate = z.strictObject({
  name,
  legalDeadlineDays: z.number().int().min(LEGAL_DEADLINE_DAYS.min).max(LEGAL_DEADLINE_DAYS.max).default(LEGAL_DEADLINE_DAYS.default),
  isActive: z.boolean().default(true),
});
export type ProcedureTypeUpdate = z.infer<typeof ProcedureTypeUpdate>;
export const ProcedureTypeInput = ProcedureTypeUpdate.extend({ code });
export type ProcedureTypeInput = z.infer<typeof ProcedureTypeInput>;

export const LevelLabel = z.strictObject({
  value: z.number().int(),
  it: z.string().trim().min(1).max(80),
  en: z.string().trim().min(1).max(80),
});

export const AssessmentDimension = z.object({
  id: z.string(),
  code: z.string(),
  nameIt: z.string(),
  nameEn: z.string(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  levelLabels: z.array(z.object({ value: z.number().int(), it: z.string(), en: z.string() })),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
});
export type AssessmentDimension = z.infer<typeof AssessmentDimension>;

export const AssessmentDimensionUpdate = z.strictObject({
  nameIt: name,
  nameEn: name,
  scaleMin: z.number().int().min(-10).max(10),
  scaleMax: z.number().int().min(-10).max(20),
  /** One label per level, from scaleMin to scaleMax; may be left empty. */
  levelLabels: z.array(LevelLabel).max(11).default([]),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  isActive: z.boolean().default(true),
});
export type AssessmentDimensionUpdate = z.infer<typeof AssessmentDimensionUpdate>;
export const AssessmentDimensionInput = AssessmentDimensionUpdate.extend({ code });
export type AssessmentDimensionInput = z.infer<typeof AssessmentDimensionInput>;

export const LetterTemplate = z.object({
  id: z.string(),
  name: z.string(),
  language: z.enum(LETTER_LANGUAGES),
  subject: z.string(),
  body: z.string(),
  isActive: z.boolean(),
  updatedAt: z.string(),
});
export type LetterTemplate = z.infer<typeof LetterTemplate>;

export const LetterTemplateInput = z.strictObject({
  name,
  language: z.enum(LETTER_LANGUAGES),
  subject: z.string().trim().min(2).max(200),
  body: z.string().trim().min(10).max(20_000),
  isActive: z.boolean().default(true),
});
export type LetterTemplateInput = z.infer<typeof LetterTemplateInput>;

export const CaseSettings = z.object({ inactivityDays: z.number().int(), nearDeadlineDays: z.number().int(), updatedAt: z.string() });
export type CaseSettings = z.infer<typeof CaseSettings>;

export const CaseSettingsInput = z.strictObject({
  inactivityDays: z.number().int().min(INACTIVITY_DAYS.min).max(INACTIVITY_DAYS.max).optional(),
  nearDeadlineDays: z.number().int().min(NEAR_DEADLINE_DAYS.min).max(NEAR_DEADLINE_DAYS.max).optional(),
});
export type CaseSettingsInput = z.infer<typeof CaseSettingsInput>;
