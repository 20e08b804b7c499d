import { z } from 'zod';
import { PROCEDURE_OUTCOMES, PROCEDURE_STATES } from './procedures.codes.ts';

const Version = z.number().int().min(1);
const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1, 'required').max(max);
const UserRef = z.object({ id: z.string(), displayName: z.string() });

export const ProcedureOutcome = z.enum(PROCEDURE_OUTCOMES);
export const ProcedureState = z.enum(PROCEDURE_STATES);

export const Suspension = z.object({ id: z.string(), reason: z.string(), startsOn: IsoDate, endsOn: IsoDate.nullable(), days: z.number().int().nullable() });
export type Suspension = z.infer<typeof Suspension>;

export const Procedure = z.object({
  id: z.string(),
  caseId: z.string(),
  procedureType: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  subject: z.string(),
  startedOn: IsoDate,
  legalDays: z.number().int(),
  /** Start + legal days + the days of the ended suspensions. */
  dueOn: IsoDate,
  /** Start of the open suspension: the count is paused. */
  pausedSince: IsoDate.nullable(),
  /** Days left to the deadline today (negative = overdue, frozen while suspended); null once decided. */
  daysRemaining: z.number().int().nullable(),
  state: ProcedureState,
  suspensions: z.array(Suspension),
  outcome: ProcedureOutcome.nullable(),
  decidedOn: IsoDate.nullable(),
  decisionNote: z.string().nullable(),
  decidedInTime: z.boolean().nullable(),
  version: z.number().int(),
  createdBy: UserRef,
  updatedAt: z.string(),
});
export type Procedure = z.infer<typeof Procedure>;

export const StartProcedureBody = z.strictObject({ procedureTypeId: z.uuid(), subject: Text(500), startedOn: IsoDate });
export type StartProcedureBody = z.infer<typeof StartProcedureBody>;

export const UpdateProcedureBody = z.strictObject({ subject: Text(500).optional(), startedOn: IsoDate.optional(), version: Version });
export type UpdateProcedureBody = z.infer<typeof UpdateProcedureBody>;

export const AddSuspensionBody = z.strictObject({ reason: Text(500), startsOn: IsoDate, endsOn: IsoDate.nullable().default(null), version: Version });
export type AddSuspensionBody = z.infer<typeof AddSuspensionBody>;

export const EndSuspensionBody = z.strictObject({ endsOn: IsoDate, version: Version });
export type EndSuspensionBody = z.infer<typeof EndSuspensionBody>;

export const DecisionBody = z.strictObject({ outcome: ProcedureOutcome, decidedOn: IsoDate, note: z.string().trim().max(2000).nullable().default(null), version: Version });
export type DecisionBody = z.infer<typeof DecisionBody>;

export const DeadlineQuery = z.strictObject({
  /** Unset: the manager's "near the deadline" setting. */
  withinDays: z.coerce.number().int().min(0).max(90).optional(),
});
export type DeadlineQuery = z.infer<typeof DeadlineQuery>;

/** A row of the overdue / near-deadline list across cases. */
export const DeadlineRow = z.object({
  procedureId: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  owner: UserRef,
  procedureTypeName: z.string(),
  subject: z.string(),
  startedOn: IsoDate,
  dueOn: IsoDate,
  daysRemaining: z.number().int(),
  state: z.enum(['near', 'overdue']),
});
export type DeadlineRow = z.infer<typeof DeadlineRow>;
