import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

/** Someone saved first (412): say so and offer to load what the server holds now. */
export function ConflictAlert({ version, onReload }: { version: number; onReload: () => void }) {
  const { t } = useTranslation('referrals');
  return (
    <div className="alert alert-warning" role="alert" data-testid="conflict">
      <p>{t('conflict', { version })}</p>
      <Button color="primary" outline size="sm" type="button" onClick={onReload}>{t('reload')}</Button>
    </div>
  );
}
