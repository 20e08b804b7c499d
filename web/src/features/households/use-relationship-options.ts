import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHOSEN_END_REASONS, RELATIONSHIPS } from '../../../../src/features/households/households.codes.ts';
import type { Option } from '../../platform/components/SelectField.tsx';

/** Relationship options in the reader's language; `withReference` includes "reference person". */
export function useRelationshipOptions(withReference: boolean): Option[] {
  const { t } = useTranslation('households');
  return useMemo(
    () => RELATIONSHIPS.filter((r) => withReference || r !== 'reference_person').map((r) => ({ value: r, label: t(`relationships.${r}`) })),
    [t, withReference],
  );
}

export function useEndReasonOptions(): Option[] {
  const { t } = useTranslation('households');
  return useMemo(() => CHOSEN_END_REASONS.map((r) => ({ value: r, label: t(`endReasons.${r}`) })), [t]);
}
