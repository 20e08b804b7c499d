import { z } from 'zod';
import { SERVICE_UNITS } from '../catalogue/catalogue.codes.ts';
import {
  COMMITMENT_WHO_KINDS,
  FUNDING_BODIES,
  PLAN_SECTIONS,
  PLAN_STATUSES,
  SIGNATURE_METHODS,
  SUPPORT_FREQUENCIES,
  TASK_WHO_KINDS,
} from './care-plans.codes.ts';

export const PlanStatus = z.enum(PLAN_STATUSES);
export const SignatureMethod = z.enum(SIGNATURE_METHODS);
export const SupportFrequency = z.enum(SUPPORT_FREQUENCIES);
export const FundingBody = z.enum(FUNDING_BODIES);

const Version = z.number().int().min(1);
const Text = (max: number) => z.string().trim().min(1, 'required').max(max);
const Day = z.iso.date();
/** Stable identity of an item across versions: omitted for a new item (the server gives one). */
const Key = z.uuid().optional();
const Providers = z.array(z.uuid()).max(20).default([]);
const UserRef = z.object({ id: z.string(), displayName: z.string() });

export const ResultInput = z.strictObject({ key: Key, description: Text(1000), indicator: Text(1000), targetDate: Day.nullable().default(null) });
export const ObjectiveInput = z.strictObject({ key: Key, description: Text(2000), sharedProviderIds: Providers, results: z.array(ResultInput).max(30).default([]) });
export const SupportInput = z.strictObject({
  key: Key,
  serviceId: z.uuid(),
  /** null: direct delivery by the title holder (only where the arrangement says so). */
  providerId: z.uuid().nullable(),
  objectiveKey: z.uuid().nullable().default(null),
  /** Hundredths of the service's unit: 1.5 hours = 150. */
  quantityHundredths: z.number().int().min(1).max(1_000_000),
  frequency: SupportFrequency,
  startDate: Day,
  endDate: Day,
  /** Cost of one unit in euro cents (up to € 100,000). */
  unitCostCents: z.number().int().min(0).max(10_000_000),
  fundingBody: FundingBody,
  notes: z.string().trim().max(2000).default(''),
  sharedProviderIds: Providers,
});
export const CommitmentInput = z.strictObject({
  key: Key,
  whoKind: z.enum(COMMITMENT_WHO_KINDS),
  personId: z.uuid().nullable().default(null),
  whoName: z.string().trim().max(200).default(''),
  commitment: Text(2000),
});
export const TaskInput = z.strictObject({
  key: Key,
  whoKind: z.enum(TASK_WHO_KINDS),
  userId: z.uuid().nullable().default(null),
  providerId: z.uuid().nullable().default(null),
  whoName: z.string().trim().max(200).default(''),
  task: Text(2000),
  sharedProviderIds: Providers,
});
export const ReviewInput = z.strictObject({ key: Key, reviewOn: Day, note: z.string().trim().max(1000).default('') });

export const PlanContentInput = z.strictObject({
  summary: z.string().trim().max(4000).default(''),
  periodStart: Day,
  periodEnd: Day,
  objectives: z.array(ObjectiveInput).max(30).default([]),
  supports: z.array(SupportInput).max(50).default([]),
  commitments: z.array(CommitmentInput).max(50).default([]),
  tasks: z.array(TaskInput).max(50).default([]),
  reviews: z.array(ReviewInput).max(20).default([]),
});
export type PlanContentInput = z.infer<typeof PlanContentInput>;

export const CreatePlanBody = z.strictObject({ periodStart: Day, periodEnd: Day, summary: z.string().trim().max(4000).default('') });
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;
export const SavePlanBody = PlanContentInput.extend({ version: Version });
export type SavePlanBody = z.infer<typeof SavePlanBody>;
export const AgreementInput = z.strictObject({
  method: SignatureMethod,
  signedOn: Day,
  signedByName: Text(200),
  documentRef: z.string().trim().max(200).nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});
export const TransitionBody = z.strictObject({
  to: PlanStatus,
  version: Version,
  /** Required to agree: how and when the person signed. */
  agreement: AgreementInput.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;
export const NewVersionBody = z.strictObject({ version: Version });

export const PlanVersionParams = z.strictObject({ id: z.uuid(), n: z.coerce.number().int().min(1).max(10_000) });
export const PdfQuery = z.strictObject({ lang: z.enum(['it', 'en']).default('it') });

const Money = z.number().int();
export const PlanResult = z.object({ id: z.string(), key: z.string(), description: z.string(), indicator: z.string(), targetDate: z.string().nullable() });
export const PlanObjective = z.object({ id: z.string(), key: z.string(), description: z.string(), sharedProviderIds: z.array(z.string()), results: z.array(PlanResult) });
export const PlanSupport = z.object({
  id: z.string(),
  key: z.string(),
  serviceId: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  objectiveKey: z.string().nullable(),
  quantityHundredths: z.number().int(),
  unit: z.enum(SERVICE_UNITS),
  frequency: SupportFrequency,
  startDate: z.string(),
  endDate: z.string(),
  unitCostCents: Money,
  fundingBody: FundingBody,
  notes: z.string(),
  sharedProviderIds: z.array(z.string()),
  monthlyCents: Money,
  totalCents: Money,
});
export const PlanCommitment = z.object({ id: z.string(), key: z.string(), whoKind: z.enum(COMMITMENT_WHO_KINDS), personId: z.string().nullable(), whoName: z.string(), commitment: z.string() });
export type PlanCommitment = z.infer<typeof PlanCommitment>;
export const PlanTask = z.object({
  id: z.string(),
  key: z.string(),
  whoKind: z.enum(TASK_WHO_KINDS),
  userId: z.string().nullable(),
  providerId: z.string().nullable(),
  whoName: z.string(),
  task: z.string(),
  sharedProviderIds: z.array(z.string()),
});
export const PlanReview = z.object({ id: z.string(), key: z.string(), reviewOn: z.string(), note: z.string() });
export const FundingAmount = z.object({ fundingBody: FundingBody, cents: Money });
export const PlanTotalsView = z.object({
  monthlyCents: Money,
  totalCents: Money,
  byFundingBody: z.array(FundingAmount),
  byMonth: z.array(z.object({ month: z.string(), cents: Money, byFundingBody: z.array(FundingAmount) })),
});
export const Agreement = z.object({
  method: SignatureMethod,
  signedOn: z.string(),
  signedByName: z.string(),
  documentRef: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: UserRef,
});
export const PlanVersion = z.object({
  id: z.string(),
  caseId: z.string(),
  versionNumber: z.number().int(),
  basedOnVersion: z.number().int().nullable(),
  status: PlanStatus,
  summary: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  objectives: z.array(PlanObjective),
  supports: z.array(PlanSupport),
  commitments: z.array(PlanCommitment),
  tasks: z.array(PlanTask),
  reviews: z.array(PlanReview),
  totals: PlanTotalsView,
  agreement: Agreement.nullable(),
  proposedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  reviewStartedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closingNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: UserRef,
  updatedAt: z.string(),
  updatedBy: UserRef,
  version: z.number().int(),
  allowedTransitions: z.array(PlanStatus),
  /** The version is a draft: its content may be saved. */
  isEditable: z.boolean(),
  /** A new version may be drafted from this one (it is agreed and the latest). */
  canStartNewVersion: z.boolean(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const PlanVersionSummary = z.object({
  versionNumber: z.number().int(),
  status: PlanStatus,
  createdAt: z.string(),
  signedOn: z.string().nullable(),
  activatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export const PlanOverview = z.object({ caseId: z.string(), versions: z.array(PlanVersionSummary), latest: PlanVersion.nullable() });
export type PlanOverview = z.infer<typeof PlanOverview>;

export const FieldChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export const ItemRef = z.object({ key: z.string(), label: z.string() });
export const SectionDiff = z.object({
  section: z.enum(PLAN_SECTIONS),
  added: z.array(ItemRef),
  removed: z.array(ItemRef),
  changed: z.array(ItemRef.extend({ changes: z.array(FieldChange) })),
});
export type SectionDiff = z.infer<typeof SectionDiff>;
export const PlanComparison = z.object({ versionNumber: z.number().int(), previousVersionNumber: z.number().int().nullable(), sections: z.array(SectionDiff) });
export type PlanComparison = z.infer<typeof PlanComparison>;

/** What the editor offers: the services present in the case's municipality, their deliverers, the team. */
export const PlanOptions = z.object({
  services: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      unit: z.enum(SERVICE_UNITS),
      direct: z.boolean(),
      providers: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
  teamMembers: z.array(UserRef),
  persons: z.array(z.object({ personId: z.string(), name: z.string() })),
});
export type PlanOptions = z.infer<typeof PlanOptions>;

/** What a case's closure reports on: the objectives of the plan version in force (none if no version was agreed). */
export const ClosureObjectives = z.object({
  planVersion: z.number().int().nullable(),
  objectives: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      results: z.array(z.object({ description: z.string(), indicator: z.string(), targetDate: z.string().nullable() })),
    }),
  ),
});
export type ClosureObjectives = z.infer<typeof ClosureObjectives>;
