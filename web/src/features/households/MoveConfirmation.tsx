import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { MoveRequired } from '../../../../src/features/households/households.schemas.ts';
import { formatDate } from '../../platform/format.ts';

/** What confirming a move does, said before the operator confirms it. */
export function MoveConfirmation({ move, name }: { move: MoveRequired; name: string | undefined }) {
  const { t, i18n } = useTranslation('households');
  const date = (iso: string) => formatDate(iso, i18n.language);
  const address = move.address ? [move.address.address, move.address.municipalityName].filter(Boolean).join(', ') : t('move.noAddress');
  return (
    <Alert color="warning" fade={false} testId="household-move-warning">
      <p className="fw-semibold mb-1">{t('move.title')}</p>
      <p className="mb-1">
        {t('move.text', { name: name ?? t('move.thePerson'), address, since: date(move.validFrom), relationship: t(`relationships.${move.relationship}`) })}
      </p>
      <p className="mb-0">{t('move.consequence', { endsOn: date(move.endsOn) })}</p>
    </Alert>
  );
}
