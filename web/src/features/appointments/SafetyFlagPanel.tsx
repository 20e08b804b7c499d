import { Alert, Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyFlag } from '../../../../src/features/appointments/rooms.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { appointmentsApi } from './appointments-api.ts';

type Props = { flag: SafetyFlag; onChange: (flag: SafetyFlag) => void };

/** Whether the person is flagged (for everyone who books), why (only for who may set it), and set/clear. */
export function SafetyFlagPanel({ flag, onChange }: Props) {
  const { t, i18n } = useTranslation('appointments');
  const me = useMe();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayWrite = can(me, permissions.safetyWrite);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const next = flag.flagged ? await appointmentsApi.clearSafetyFlag(flag.personId, reason) : await appointmentsApi.setSafetyFlag(flag.personId, reason);
      setReason('');
      setSaved(true);
      onChange(next);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mb-3" data-testid="safety-flag">
      <h3 className="h5">{t('safety.title')}</h3>
      {flag.flagged ? (
        <Alert color="warning" fade={false} testId="safety-flag-on">
          <strong>{t('safety.flagged')}</strong>
          {flag.setAt ? <span className="d-block small">{t('safety.since', { date: formatDateTime(flag.setAt, i18n.language), name: flag.setByName ?? '' })}</span> : null}
          {flag.reason ? (
            <span className="d-block" data-testid="safety-flag-reason">
              {t('safety.reason')}: {flag.reason}
            </span>
          ) : null}
        </Alert>
      ) : (
        <p data-testid="safety-flag-off">{t('safety.notFlagged')}</p>
      )}
      <div aria-live="polite">{saved ? <p className="small text-success">{t('safety.saved')}</p> : null}</div>
      {mayWrite ? (
        <form onSubmit={(event) => void submit(event)} noValidate data-testid="safety-flag-form">
          <TextField
            id="safety-flag-reason-input"
            label={flag.flagged ? t('safety.clearReason') : t('safety.setReason')}
            hint={t('safety.reasonHint')}
            value={reason}
            onChange={setReason}
            required
            maxLength={1000}
          />
          <ErrorAlert error={failure} testId="safety-flag-error" />
          <Button color={flag.flagged ? 'secondary' : 'danger'} outline size="sm" type="submit" disabled={busy} testId="safety-flag-submit">
            {flag.flagged ? t('safety.confirmClear') : t('safety.confirmSet')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
