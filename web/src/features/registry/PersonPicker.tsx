import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox, type ComboOption } from '../../platform/components/Combobox.tsx';
import { formatDate } from '../../platform/format.ts';
import { FISCAL_CODE, registryApi } from './registry-api.ts';

type Props = {
  id: string;
  label: string;
  selected: ComboOption | null;
  /** The option's value is the person's id. */
  onSelect: (option: ComboOption | null) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  clearOnSelect?: boolean;
  testId?: string;
};

/** Find a registered person of the user's territories by name or fiscal code (each result is logged by the server). */
export function PersonPicker(props: Props) {
  const { i18n } = useTranslation();
  const search = useCallback(
    async (query: string, signal: AbortSignal) => {
      const text = query.trim();
      const found = await registryApi.search(FISCAL_CODE.test(text) ? { fiscalCode: text, pageSize: 10 } : { q: text, pageSize: 10 }, signal);
      return found.items.map((person) => ({
        value: person.id,
        label: `${person.familyName} ${person.givenName}`,
        detail: [person.fiscalCode, formatDate(person.birthDate, i18n.language)].filter(Boolean).join(' · '),
      }));
    },
    [i18n.language],
  );
  return <Combobox {...props} minChars={2} search={search} />;
}
