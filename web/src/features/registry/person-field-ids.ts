import type { TFunction } from 'i18next';
import type { SummaryItem } from '../../platform/components/ErrorSummary.tsx';

type FieldLabel =
  | 'familyName' | 'givenName' | 'sex' | 'birthDate' | 'birthPlace' | 'fiscalCode' | 'citizenship'
  | 'municipality' | 'area' | 'phone' | 'email' | 'preferredLanguage';

/** Where each error path of a PersonInput lives in the form, and the label the summary shows. */
const simple: Record<string, { id: string; label: FieldLabel }> = {
  familyName: { id: 'person-family-name', label: 'familyName' },
  givenName: { id: 'person-given-name', label: 'givenName' },
  fiscalCode: { id: 'person-fiscal-code', label: 'fiscalCode' },
  sex: { id: 'person-sex', label: 'sex' },
  birthDate: { id: 'person-birth-date', label: 'birthDate' },
  birthPlaceCode: { id: 'person-birth-place', label: 'birthPlace' },
  citizenship: { id: 'person-citizenship', label: 'citizenship' },
  municipalityCode: { id: 'person-municipality', label: 'municipality' },
  areaId: { id: 'person-area', label: 'area' },
  phone: { id: 'person-phone', label: 'phone' },
  email: { id: 'person-email', label: 'email' },
  preferredLanguage: { id: 'person-preferred-language', label: 'preferredLanguage' },
};

const addressParts = { municipalityCode: 'municipality', address: 'address', postalCode: 'postal-code' } as const;

export function personSummaryItems(errors: Record<string, string>, t: TFunction<'registry'>): SummaryItem[] {
  return Object.entries(errors).map(([key, message]) => {
    const field = simple[key];
    if (field) {
      // The birthplace box is a municipality or a country picker depending on the radio choice.
      const fieldId =
        key === 'birthPlaceCode' && !document.getElementById(field.id) ? 'person-birth-country' : field.id;
      return { key, fieldId, label: t(`fields.${field.label}`), message };
    }
    const [kind, part] = key.split('.') as [string, string | undefined];
    if ((kind === 'residence' || kind === 'domicile') && part && part in addressParts) {
      const suffix = addressParts[part as keyof typeof addressParts];
      const partLabel = part === 'municipalityCode' ? 'addressMunicipality' : part === 'address' ? 'address' : 'postalCode';
      return {
        key,
        fieldId: `person-${kind}-${suffix}`,
        label: `${t(`form.${kind}`)} — ${t(`form.${partLabel}`)}`,
        message,
      };
    }
    return { key, fieldId: 'person-family-name', label: key, message };
  });
}
