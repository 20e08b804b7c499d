import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text.ts';

type Props = { error: unknown; testId?: string; className?: string };

/** A failure in the current language; role=alert so screen readers hear it at once. */
export function ErrorAlert({ error, testId = 'error-alert', className }: Props) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="danger" role="alert" fade={false} testId={testId} className={className}>
      {errorText(error, t, i18n.language)}
    </Alert>
  );
}
