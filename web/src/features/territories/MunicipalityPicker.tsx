import { useCallback } from 'react';
import { Combobox, type ComboOption } from '../../platform/components/Combobox.tsx';
import { municipalityLabel, territoriesApi } from './territories-api.ts';

type Props = {
  id: string;
  label: string;
  /** Which code the picker works with: ISTAT (6 digits) or Belfiore (cadastral, for birthplaces). */
  valueKind?: 'istat' | 'belfiore';
  selected: ComboOption | null;
  onSelect: (option: ComboOption | null) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  clearOnSelect?: boolean;
  testId?: string;
};

/** Search an Italian municipality by name. */
export function MunicipalityPicker({ valueKind = 'istat', ...props }: Props) {
  const search = useCallback(
    async (query: string, signal: AbortSignal) => {
      const found = await territoriesApi.municipalities({ q: query, limit: 20 }, signal);
      return found.map((m) => ({
        value: valueKind === 'istat' ? m.istatCode : m.belfiore,
        label: municipalityLabel(m),
        detail: m.region,
      }));
    },
    [valueKind],
  );
  return <Combobox {...props} search={search} />;
}
