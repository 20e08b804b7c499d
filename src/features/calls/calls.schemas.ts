import { z } from 'zod';
import { CALL_PHASES, CALL_STATUSES, QUESTION_TYPES, TIE_BREAKERS } from './calls.codes.ts';

/**
 * The rule set of a call version, stored as `call_version.rules` (jsonb) and validated here on every save:
 *
 * ```
 * {
 *   eligibility: { residentInTerritory, age: { min, max, referenceDate } | null, iseeMaxCents | null },
 *   questions: [{ key, label: { it, en }, type: yes_no|number|date|choice|household_member|document, required, options: [{ key, label }] }],
 *   criteria: [                                  // the points table
 *     { kind: 'band',  key, label, question, bands: [{ from, to, points }] },   // from ≤ answer < to (null: open end)
 *     { kind: 'flag',  key, label, question, option, points },                 // yes / document attached / option chosen
 *     { kind: 'count', key, label, question, points, maxPoints },              // points per unit (number, household member)
 *   ],
 *   tieBreakers: [{ by: lower_isee|earlier_protocol|higher_criterion|younger_beneficiary|older_beneficiary, criterion }],  // in order
 *   requiredDocuments: [{ key, label, mandatory }],
 *   allocation: { kind: 'places', places: [{ site, group, places }] }
 *             | { kind: 'budget', totalCents, bands: [{ iseeUpToCents, amountCents }] } | null,
 *   appealDays,
 * }
 * ```
 *
 * A draft may be incomplete; publishing checks the whole (calls.rules.ts). The ranking engine's own schema
 * is reconciled with this one when applications and ranking arrive.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);
/** A key the form, the points table and the tie-breakers refer to each other by: lower-case, digits, _. */
export const RuleKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const Label = z.strictObject({ it: Text(300), en: Text(300) });
const Points = z.number().int().min(0).max(1000);
const Cents = z.number().int().min(0).max(100_000_000_000);
const Bound = z.number().min(-1_000_000_000).max(1_000_000_000).nullable().default(null);
const Version = z.number().int().min(1);

/** An instant with its offset (the editor sends the Europe/Rome wall-clock time as such), within 2000–2199. */
export const Instant = z.iso.datetime({ offset: true }).refine((value) => {
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= Date.UTC(2000, 0, 1) && ms < Date.UTC(2200, 0, 1);
});

export const Eligibility = z.strictObject({
  /** Only residents of the call's municipalities may apply. */
  residentInTerritory: z.boolean().default(true),
  /** The beneficiary's age in whole years at the reference date, bounds included. */
  age: z.strictObject({ min: z.number().int().min(0).max(130).nullable().default(null), max: z.number().int().min(0).max(130).nullable().default(null), referenceDate: z.iso.date() }).nullable().default(null),
  iseeMaxCents: Cents.nullable().default(null),
});

export const Question = z.strictObject({
  key: RuleKey,
  label: Label,
  type: z.enum(QUESTION_TYPES),
  required: z.boolean().default(true),
  /** The options of a choice question (at least two); empty for the other types. */
  options: z.array(z.strictObject({ key: RuleKey, label: Label })).max(50).default([]),
});

const CriterionBase = { key: RuleKey, label: Label, question: RuleKey };
export const Criterion = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('band'), ...CriterionBase, bands: z.array(z.strictObject({ from: Bound, to: Bound, points: Points })).min(1).max(20) }),
  z.strictObject({ kind: z.literal('flag'), ...CriterionBase, option: RuleKey.nullable().default(null), points: Points }),
  z.strictObject({ kind: z.literal('count'), ...CriterionBase, points: Points, maxPoints: Points.nullable().default(null) }),
]);
export type Criterion = z.infer<typeof Criterion>;

export const TieBreakerRule = z.strictObject({ by: z.enum(TIE_BREAKERS), criterion: RuleKey.nullable().default(null) });

export const Allocation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('places'), places: z.array(z.strictObject({ site: Text(200), group: Text(200), places: z.number().int().min(1).max(100_000) })).min(1).max(500) }),
  z.strictObject({ kind: z.literal('budget'), totalCents: Cents.min(1), bands: z.array(z.strictObject({ iseeUpToCents: Cents.nullable(), amountCents: Cents.min(1) })).min(1).max(20) }),
]);

export const CallRules = z.strictObject({
  eligibility: Eligibility,
  questions: z.array(Question).max(100).default([]),
  criteria: z.array(Criterion).max(100).default([]),
  tieBreakers: z.array(TieBreakerRule).max(10).default([]),
  requiredDocuments: z.array(z.strictObject({ key: RuleKey, label: Label, mandatory: z.boolean().default(true) })).max(50).default([]),
  allocation: Allocation.nullable().default(null),
  appealDays: z.number().int().min(0).max(365).default(30),
});
export type CallRules = z.infer<typeof CallRules>;

export const CallTerritoryInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('group'), groupId: z.uuid() }),
  z.strictObject({ kind: z.literal('municipalities'), municipalityCodes: z.array(z.string().regex(/^\d{6}$/, 'istatCode')).min(1).max(500) }),
]);

export const CreateCallBody = z.strictObject({
  serviceId: z.uuid(),
  title: z.strictObject({ it: Text(200), en: Text(200) }),
  description: z.strictObject({ it: z.string().trim().max(20_000), en: z.string().trim().max(20_000) }),
  territory: CallTerritoryInput,
  rules: CallRules,
  opensAt: Instant.nullable().default(null),
  closesAt: Instant.nullable().default(null),
});
export type CreateCallBody = z.infer<typeof CreateCallBody>;
export const UpdateCallBody = CreateCallBody.extend({ version: Version });
export type UpdateCallBody = z.infer<typeof UpdateCallBody>;
export const PublishCallBody = z.strictObject({ version: Version });
export const CorrectCallBody = z.strictObject({
  rules: CallRules,
  opensAt: Instant,
  closesAt: Instant,
  /** Public: shown with the call to everyone. */
  reason: z.string().trim().min(10).max(4000),
  version: Version,
});
export type CorrectCallBody = z.infer<typeof CorrectCallBody>;

export const CallListQuery = z.strictObject({ status: z.enum(CALL_STATUSES).optional() });
export const PublicCallQuery = z.strictObject({ phase: z.enum(CALL_PHASES).optional() });

const UserRef = z.object({ id: z.string(), displayName: z.string() });
const Readability = z.object({ index: z.number().nullable(), band: z.enum(['easy', 'fairly_easy', 'hard', 'very_hard']).nullable(), warning: z.boolean() });
const Territory = z.object({ groupId: z.string().nullable(), groupName: z.string().nullable(), municipalities: z.array(z.object({ code: z.string(), name: z.string() })) });

/** The dates of a version: instants (ISO, UTC) and the same as a wall-clock time in Italy ('YYYY-MM-DD HH:MM'). */
const Dates = {
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  opensAtRome: z.string().nullable(),
  closesAtRome: z.string().nullable(),
};

export const CallVersionView = z.object({ versionNumber: z.number(), rules: CallRules, ...Dates, publishedAt: z.string().nullable(), correctionReason: z.string().nullable() });

/** A call as staff see it: the version in force and the history of versions. */
export const StaffCall = z.object({
  id: z.string(),
  service: z.object({ id: z.string(), name: z.string() }),
  title: z.object({ it: z.string(), en: z.string() }),
  description: z.object({ it: z.string(), en: z.string() }),
  /** Gulpease index of the Italian description, for the editor. */
  descriptionReadability: Readability,
  territory: Territory,
  status: z.enum(CALL_STATUSES),
  /** Null while a draft. */
  phase: z.enum(CALL_PHASES).nullable(),
  current: CallVersionView,
  versions: z.array(z.object({ versionNumber: z.number(), publishedAt: z.string().nullable(), correctionReason: z.string().nullable(), createdBy: UserRef, createdAt: z.string() })),
  createdBy: UserRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type StaffCall = z.infer<typeof StaffCall>;

export const StaffCallSummary = z.object({
  id: z.string(),
  serviceName: z.string(),
  title: z.object({ it: z.string(), en: z.string() }),
  status: z.enum(CALL_STATUSES),
  phase: z.enum(CALL_PHASES).nullable(),
  versionNumber: z.number(),
  ...Dates,
  version: z.number(),
});
export type StaffCallSummary = z.infer<typeof StaffCallSummary>;

/** What anyone may read of a published call: no author, no internal ids beyond the call's own. */
export const PublicCallSummary = z.object({
  id: z.string(),
  serviceName: z.string(),
  title: z.object({ it: z.string(), en: z.string() }),
  territoryName: z.string(),
  phase: z.enum(CALL_PHASES),
  versionNumber: z.number(),
  ...Dates,
});
export type PublicCallSummary = z.infer<typeof PublicCallSummary>;

export const PublicCall = PublicCallSummary.extend({
  description: z.object({ it: z.string(), en: z.string() }),
  descriptionReadability: Readability,
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  rules: CallRules,
  publishedAt: z.string(),
  /** Every correction, oldest first, with its public reason. */
  corrections: z.array(z.object({ versionNumber: z.number(), publishedAt: z.string(), reason: z.string() })),
});
export type PublicCall = z.infer<typeof PublicCall>;
