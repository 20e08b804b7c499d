import { z } from 'zod';

const isoDate = z.iso.date();

export const Sex = z.enum(['M', 'F']);

export const AddressInput = z.strictObject({
  municipalityCode: z.string().regex(/^\d{6}$/, 'istatCode'),
  address: z.string().trim().min(2).max(200),
  postalCode: z.string().regex(/^\d{5}$/, 'postalCode').nullable().optional(),
});
export type AddressInput = z.infer<typeof AddressInput>;

export const PersonInput = z.strictObject({
  familyName: z.string().trim().min(1).max(100),
  givenName: z.string().trim().min(1).max(100),
  sex: Sex.nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  /** Belfiore code of the birth municipality, or the `Z` code of the foreign country. */
  birthPlaceCode: z.string().regex(/^[A-Z]\d{3}$/, 'belfiore').nullable().optional(),
  fiscalCode: z.string().trim().max(16).nullable().optional(),
  /** ISO 3166-1 alpha-2. */
  citizenship: z.string().regex(/^[A-Z]{2}$/, 'iso2').nullable().optional(),
  residence: AddressInput.nullable().optional(),
  domicile: AddressInput.nullable().optional(),
  phone: z.string().trim().regex(/^\+?[0-9 ./-]{5,20}$/, 'phone').nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  /** ISO 639-1 language the person prefers to be addressed in. */
  preferredLanguage: z.string().regex(/^[a-z]{2}$/, 'language').default('it'),
  /** ISTAT code of the municipality whose social service the person refers to. */
  municipalityCode: z.string().regex(/^\d{6}$/, 'istatCode'),
  areaId: z.uuid().nullable().optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;

export const Address = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  address: z.string(),
  postalCode: z.string().nullable(),
});

export const FiscalCodeCheck = z.object({
  status: z.enum(['absent', 'valid', 'invalid']),
  reason: z.enum(['length', 'format', 'checkCharacter', 'birthDate']).optional(),
  decoded: z
    .object({
      sex: Sex,
      birthDate: z.string(),
      birthPlaceCode: z.string(),
      birthPlaceName: z.string().nullable(),
    })
    .optional(),
  /** Fields entered that disagree with what the fiscal code encodes: shown as warnings. */
  mismatches: z.array(z.enum(['familyName', 'givenName', 'sex', 'birthDate', 'birthPlace'])),
});
export type FiscalCodeCheck = z.infer<typeof FiscalCodeCheck>;

export const Person = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  sex: Sex.nullable(),
  birthDate: z.string().nullable(),
  birthPlaceCode: z.string().nullable(),
  birthPlaceName: z.string().nullable(),
  fiscalCode: z.string().nullable(),
  fiscalCodeCheck: FiscalCodeCheck,
  citizenship: z.string().nullable(),
  residence: Address.nullable(),
  domicile: Address.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

export const PersonSummary = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  sex: Sex.nullable(),
  birthDate: z.string().nullable(),
  fiscalCode: z.string().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  residenceAddress: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const DuplicateCandidate = PersonSummary.extend({
  reason: z.enum(['fiscalCode', 'nameAndBirthDate']),
  similarity: z.number(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const PersonCheckResult = z.object({
  fiscalCode: FiscalCodeCheck,
  duplicates: z.array(DuplicateCandidate),
});
export type PersonCheckResult = z.infer<typeof PersonCheckResult>;

export const CreatePersonBody = z.strictObject({
  person: PersonInput,
  /** The operator saw the likely duplicates and confirms this is a different person. */
  confirmDuplicates: z.boolean().default(false),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

export const UpdatePersonBody = z.strictObject({
  person: PersonInput,
  /** The version the operator edited: a stale one gets 412 with the current record. */
  version: z.number().int().min(1),
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

export const PersonSearchQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  fiscalCode: z.string().trim().max(16).optional(),
  birthDate: isoDate.optional(),
  municipalityCode: z.string().regex(/^\d{6}$/).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PersonSearchQuery = z.infer<typeof PersonSearchQuery>;

export const PersonSearchResult = z.object({
  items: z.array(PersonSummary),
  total: z.number().int(),
  /** The count stopped at the cap (1,000): there are more matches; the search should be narrowed. */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PersonSearchResult = z.infer<typeof PersonSearchResult>;

export const PersonHistoryEntry = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export type PersonHistoryEntry = z.infer<typeof PersonHistoryEntry>;

export const RegistryStats = z.object({
  /** Counts under the suppression threshold are null: a politician never sees small, identifying numbers. */
  suppressionThreshold: z.number().int(),
  rows: z.array(
    z.object({
      municipalityCode: z.string(),
      municipalityName: z.string(),
      persons: z.number().int().nullable(),
      accessesLast30Days: z.number().int().nullable(),
    }),
  ),
});
export type RegistryStats = z.infer<typeof RegistryStats>;
