import { Button } from 'design-react-kit';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../src/features/registry/registry.schemas.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { DuplicateList } from './DuplicateList.tsx';

type Props = {
  duplicates: readonly DuplicateCandidate[];
  confirmed: boolean;
  onConfirmedChange: (confirmed: boolean) => void;
  busy: boolean;
};

/** After a 409: the likely duplicates and an explicit confirmation before saving anyway. */
export function DuplicateConfirmation({ duplicates, confirmed, onConfirmedChange, busy }: Props) {
  const { t } = useTranslation(['registry', 'common']);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [duplicates]);

  return (
    <section className="alert alert-warning" aria-labelledby="duplicates-title" data-testid="duplicate-confirmation">
      <h2 id="duplicates-title" className="h5" ref={heading} tabIndex={-1}>
        {t('duplicates.title')}
      </h2>
      <p>{t('duplicates.intro', { count: duplicates.length })}</p>
      <DuplicateList duplicates={duplicates} testId="duplicates-list" />
      <CheckboxField
        id="confirm-duplicates"
        label={t('duplicates.confirm')}
        checked={confirmed}
        onChange={onConfirmedChange}
      />
      <Button color="primary" type="submit" disabled={!confirmed || busy} className="mt-2" testId="confirm-duplicates-submit">
        {t('duplicates.saveAnyway')}
      </Button>
    </section>
  );
}
