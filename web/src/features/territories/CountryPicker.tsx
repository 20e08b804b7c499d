import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox, type ComboOption } from '../../platform/components/Combobox.tsx';
import { countryName, territoriesApi } from './territories-api.ts';

type Props = {
  id: string;
  label: string;
  selected: ComboOption | null;
  onSelect: (option: ComboOption | null) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  testId?: string;
};

/** Search a foreign country; the value is its cadastral `Z` code, as used in fiscal codes. */
export function CountryPicker(props: Props) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const search = useCallback(
    async (query: string, signal: AbortSignal) => {
      const found = await territoriesApi.foreignCountries(query, signal);
      return found.slice(0, 30).map((c) => ({ value: c.code, label: countryName(c, language) }));
    },
    [language],
  );
  return <Combobox {...props} search={search} />;
}
