import { z } from 'zod';
import {
  PETITION_OUTCOMES, PETITION_STATUSES, REFERRAL_OUTCOMES, REFERRAL_SERVICES, REFERRAL_STATUSES, REFERRAL_URGENCIES,
} from './referrals.codes.ts';

const Version = z.number().int().min(1);
const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1, 'required').max(max);
const Optional = (max: number) => z.string().trim().max(max).nullable().default(null).transform((v) => (v ? v : null));
const UserRef = z.object({ id: z.string(), displayName: z.string() });

export const StatusChange = z.object({ from: z.string(), to: z.string(), on: IsoDate, note: z.string().nullable(), by: UserRef, at: z.string() });

export const Referral = z.object({
  id: z.string(),
  caseId: z.string(),
  service: z.enum(REFERRAL_SERVICES),
  serviceName: z.string().nullable(),
  contactName: z.string().nullable(),
  reason: z.string(),
  question: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  status: z.enum(REFERRAL_STATUSES),
  documents: z.array(z.object({ id: z.string(), title: z.string(), withdrawn: z.boolean() })),
  sentOn: IsoDate.nullable(),
  sentBy: UserRef.nullable(),
  answer: z.object({ on: IsoDate, text: z.string().nullable(), outcome: z.enum(REFERRAL_OUTCOMES).nullable() }).nullable(),
  history: z.array(StatusChange),
  createdBy: UserRef,
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Referral = z.infer<typeof Referral>;

const referralFields = {
  service: z.enum(REFERRAL_SERVICES),
  serviceName: Optional(200),
  contactName: Optional(200),
  reason: Text(10_000),
  question: Text(5000),
  urgency: z.enum(REFERRAL_URGENCIES).default('ordinary'),
  documentIds: z.array(z.uuid()).max(50).default([]),
};
export const CreateReferralBody = z.strictObject(referralFields);
export type CreateReferralBody = z.infer<typeof CreateReferralBody>;
export const UpdateReferralBody = z.strictObject({ ...referralFields, version: Version });
export type UpdateReferralBody = z.infer<typeof UpdateReferralBody>;

export const ReferralStatusBody = z.strictObject({
  to: z.enum(REFERRAL_STATUSES),
  on: IsoDate,
  note: Optional(2000),
  answerText: Optional(10_000),
  answerOutcome: z.enum(REFERRAL_OUTCOMES).nullable().default(null),
  version: Version,
});
export type ReferralStatusBody = z.infer<typeof ReferralStatusBody>;

export const PersonToHear = z.strictObject({ name: Text(200), relation: Text(200) });

export const Petition = z.object({
  id: z.string(),
  caseId: z.string(),
  beneficiary: z.object({
    id: z.string(),
    fullName: z.string(),
    birthDate: IsoDate.nullable(),
    birthPlace: z.string().nullable(),
    fiscalCode: z.string().nullable(),
    residence: z.string().nullable(),
  }),
  courtName: z.string(),
  reasons: z.string(),
  administratorName: z.string().nullable(),
  administratorRelation: z.string().nullable(),
  acts: z.string(),
  personsToHear: z.array(PersonToHear),
  status: z.enum(PETITION_STATUSES),
  filedOn: IsoDate.nullable(),
  docketNumber: z.string().nullable(),
  hearingOn: IsoDate.nullable(),
  decidedOn: IsoDate.nullable(),
  decisionOutcome: z.enum(PETITION_OUTCOMES).nullable(),
  appointedAdministrator: z.string().nullable(),
  history: z.array(StatusChange),
  createdBy: UserRef,
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Petition = z.infer<typeof Petition>;

const petitionFields = {
  courtName: Text(200),
  reasons: z.string().trim().max(20_000),
  administratorName: Optional(200),
  administratorRelation: Optional(200),
  acts: z.string().trim().max(10_000),
  personsToHear: z.array(PersonToHear).max(30),
};
/** A new draft: everything else is taken from the case (beneficiary, household members to be heard). */
export const CreatePetitionBody = z.strictObject({ courtName: Text(200).optional() });
export type CreatePetitionBody = z.infer<typeof CreatePetitionBody>;
export const UpdatePetitionBody = z.strictObject({ ...petitionFields, version: Version });
export type UpdatePetitionBody = z.infer<typeof UpdatePetitionBody>;

export const PetitionStatusBody = z.strictObject({
  to: z.enum(PETITION_STATUSES),
  on: IsoDate,
  note: Optional(2000),
  docketNumber: Optional(100),
  hearingOn: IsoDate.nullable().default(null),
  decisionOutcome: z.enum(PETITION_OUTCOMES).nullable().default(null),
  appointedAdministrator: Optional(200),
  version: Version,
});
export type PetitionStatusBody = z.infer<typeof PetitionStatusBody>;
