import type { Person } from '../../../../src/features/registry/registry.schemas.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import type { PersonInputBody } from './registry-api.ts';

export type AddressState = { municipality: ComboOption | null; address: string; postalCode: string };

export type PersonFormState = {
  familyName: string;
  givenName: string;
  sex: '' | 'M' | 'F';
  birthDate: string;
  birthPlaceKind: 'italy' | 'abroad';
  birthPlace: ComboOption | null;
  fiscalCode: string;
  citizenship: string;
  residence: AddressState;
  domicile: AddressState;
  phone: string;
  email: string;
  preferredLanguage: string;
  municipality: ComboOption | null;
  areaId: string;
};

const emptyAddress: AddressState = { municipality: null, address: '', postalCode: '' };

export function emptyPersonForm(municipality: ComboOption | null): PersonFormState {
  return {
    familyName: '',
    givenName: '',
    sex: '',
    birthDate: '',
    birthPlaceKind: 'italy',
    birthPlace: null,
    fiscalCode: '',
    citizenship: '',
    residence: emptyAddress,
    domicile: emptyAddress,
    phone: '',
    email: '',
    preferredLanguage: 'it',
    municipality,
    areaId: '',
  };
}

function addressState(address: Person['residence']): AddressState {
  if (!address) return emptyAddress;
  return {
    municipality: { value: address.municipalityCode, label: address.municipalityName },
    address: address.address,
    postalCode: address.postalCode ?? '',
  };
}

export function personFormFrom(person: Person): PersonFormState {
  const code = person.birthPlaceCode;
  return {
    familyName: person.familyName,
    givenName: person.givenName,
    sex: person.sex ?? '',
    birthDate: person.birthDate ?? '',
    birthPlaceKind: code?.startsWith('Z') ? 'abroad' : 'italy',
    birthPlace: code ? { value: code, label: person.birthPlaceName ?? code } : null,
    fiscalCode: person.fiscalCode ?? '',
    citizenship: person.citizenship ?? '',
    residence: addressState(person.residence),
    domicile: addressState(person.domicile),
    phone: person.phone ?? '',
    email: person.email ?? '',
    preferredLanguage: person.preferredLanguage || 'it',
    municipality: { value: person.municipalityCode, label: person.municipalityName },
    areaId: person.areaId ?? '',
  };
}

const blank = (value: string) => (value.trim() ? value.trim() : null);

function addressInput(a: AddressState) {
  if (!a.municipality && !a.address.trim() && !a.postalCode.trim()) return null;
  return { municipalityCode: a.municipality?.value ?? '', address: a.address.trim(), postalCode: blank(a.postalCode) };
}

export function toPersonInput(s: PersonFormState): PersonInputBody {
  return {
    familyName: s.familyName.trim(),
    givenName: s.givenName.trim(),
    sex: s.sex || null,
    birthDate: s.birthDate || null,
    birthPlaceCode: s.birthPlace?.value ?? null,
    fiscalCode: blank(s.fiscalCode)?.toUpperCase() ?? null,
    citizenship: s.citizenship || null,
    residence: addressInput(s.residence),
    domicile: addressInput(s.domicile),
    phone: blank(s.phone),
    email: blank(s.email),
    preferredLanguage: s.preferredLanguage || 'it',
    municipalityCode: s.municipality?.value ?? '',
    areaId: s.areaId || null,
  };
}

/** Error message keys (registry namespace) of the checks the browser can make before sending. */
export type ValidationKey =
  | 'validation.required'
  | 'validation.futureDate'
  | 'validation.postalCode'
  | 'validation.email'
  | 'validation.phone'
  | 'validation.addressIncomplete';

export function validatePersonForm(s: PersonFormState, today: string): Record<string, ValidationKey> {
  const errors: Record<string, ValidationKey> = {};
  if (!s.familyName.trim()) errors.familyName = 'validation.required';
  if (!s.givenName.trim()) errors.givenName = 'validation.required';
  if (!s.municipality) errors.municipalityCode = 'validation.required';
  if (s.birthDate && s.birthDate > today) errors.birthDate = 'validation.futureDate';
  if (s.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email.trim())) errors.email = 'validation.email';
  if (s.phone.trim() && !/^\+?[0-9 ./-]{5,20}$/.test(s.phone.trim())) errors.phone = 'validation.phone';
  for (const key of ['residence', 'domicile'] as const) {
    const a = s[key];
    const started = a.municipality || a.address.trim() || a.postalCode.trim();
    if (!started) continue;
    if (!a.municipality) errors[`${key}.municipalityCode`] = 'validation.addressIncomplete';
    if (a.address.trim().length < 2) errors[`${key}.address`] = 'validation.addressIncomplete';
    if (a.postalCode.trim() && !/^\d{5}$/.test(a.postalCode.trim())) errors[`${key}.postalCode`] = 'validation.postalCode';
  }
  return errors;
}

export type { FieldErrors };
