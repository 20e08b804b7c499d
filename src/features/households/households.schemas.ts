import { z } from 'zod';
import { CHOSEN_END_REASONS, END_REASONS, RELATIONSHIPS } from './households.codes.ts';

const isoDate = z.iso.date();
const istatCode = z.string().regex(/^\d{6}$/, 'istatCode');

export const Relationship = z.enum(RELATIONSHIPS);
/** Every relationship but the reference person's: what a member other than the reference person can be. */
export const MemberRelationship = Relationship.exclude(['reference_person']);

/** The address the members share. Municipality and postal code are optional: the street line is what the desk knows. */
export const HouseholdAddressInput = z.strictObject({
  address: z.string().trim().min(2).max(200),
  postalCode: z.string().regex(/^\d{5}$/, 'postalCode').nullable().optional(),
  municipalityCode: istatCode.nullable().optional(),
});
export type HouseholdAddressInput = z.infer<typeof HouseholdAddressInput>;

export const CreateHouseholdBody = z.strictObject({
  referencePersonId: z.uuid(),
  validFrom: isoDate,
  address: HouseholdAddressInput.nullable(),
  /** The reference person leaves their current household the day before validFrom. */
  move: z.boolean().default(false),
});
export type CreateHouseholdBody = z.infer<typeof CreateHouseholdBody>;

export const UpdateHouseholdBody = z.strictObject({
  address: HouseholdAddressInput.nullable(),
  /** The version the operator edited: a stale one gets 412. */
  version: z.number().int().min(1),
});
export type UpdateHouseholdBody = z.infer<typeof UpdateHouseholdBody>;

export const AddMemberBody = z.strictObject({
  personId: z.uuid(),
  relationship: Relationship,
  validFrom: isoDate,
  /** Confirms that the person leaves their current household the day before validFrom. */
  move: z.boolean().default(false),
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;

export const EndMemberBody = z.strictObject({
  validTo: isoDate,
  reason: z.enum(CHOSEN_END_REASONS),
  /** Required when the reference person leaves and others remain: the member who becomes reference person. */
  newReferenceMemberId: z.uuid().optional(),
});
export type EndMemberBody = z.infer<typeof EndMemberBody>;

export const RelationshipBody = z.strictObject({
  relationship: Relationship,
  /** Required when another member becomes reference person: the former reference person's new relationship. */
  formerReferenceRelationship: MemberRelationship.optional(),
});
export type RelationshipBody = z.infer<typeof RelationshipBody>;

export const HouseholdParams = z.strictObject({ id: z.uuid() });
export const MemberParams = z.strictObject({ id: z.uuid(), memberId: z.uuid() });

export const HouseholdAddress = z.object({
  address: z.string(),
  postalCode: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
});
export type HouseholdAddress = z.infer<typeof HouseholdAddress>;

export const MemberPerson = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  birthDate: z.string().nullable(),
  fiscalCode: z.string().nullable(),
});
export type MemberPerson = z.infer<typeof MemberPerson>;

export const Member = z.object({
  membershipId: z.string(),
  person: MemberPerson,
  relationship: Relationship,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
});
export type Member = z.infer<typeof Member>;

export const Household = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  address: HouseholdAddress.nullable(),
  version: z.number().int(),
  /** The current members the reader may see, reference person first. */
  members: z.array(Member),
  /** Current members registered in territories the reader does not cover: counted, never shown. */
  hiddenMembers: z.number().int(),
});
export type Household = z.infer<typeof Household>;

/** A past membership of the person: the household, the period, and who lived there at that time. */
export const PastMembership = z.object({
  membershipId: z.string(),
  householdId: z.string(),
  municipalityName: z.string(),
  address: HouseholdAddress.nullable(),
  relationship: Relationship,
  validFrom: z.string(),
  validTo: z.string(),
  endReason: z.enum(END_REASONS).nullable(),
  members: z.array(Member),
  hiddenMembers: z.number().int(),
});
export type PastMembership = z.infer<typeof PastMembership>;

export const PersonHousehold = z.object({
  personId: z.string(),
  /** The person's current household, when the reader's territories cover it. */
  current: Household.nullable(),
  /** The person belongs to a household in territories the reader does not cover. */
  currentElsewhere: z.boolean(),
  history: z.array(PastMembership),
});
export type PersonHousehold = z.infer<typeof PersonHousehold>;

export const HouseholdSaved = z.object({ id: z.string(), version: z.number().int() });
export type HouseholdSaved = z.infer<typeof HouseholdSaved>;

/** The data of the 409 that asks for `move: true`: where the person lives now. */
export const MoveRequired = z.object({
  reason: z.literal('moveRequired'),
  householdId: z.string(),
  address: HouseholdAddress.nullable(),
  relationship: Relationship,
  validFrom: z.string(),
  /** The day the current membership would end: the day before the new one starts. */
  endsOn: z.string(),
});
export type MoveRequired = z.infer<typeof MoveRequired>;
