import { Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../src/features/users/users.schemas.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usersApi } from './users-api.ts';

type Props = { user: UserView; onSessionsRevoked: () => void };

/** Set a new password for the user, and end all of the user's sessions. */
export function SecurityPanel({ user, onSessionsRevoked }: Props) {
  const { t, i18n } = useTranslation(['users', 'common']);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const setNewPassword = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage('');
    if (password.length < 12) {
      setError(t('validation.password'));
      return;
    }
    setError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      await usersApi.setPassword(user.id, { password });
      setPassword('');
      setMessage(t('security.passwordSet'));
    } catch (err) {
      setFailure(err);
      setError(fieldErrorsOf(err, i18n.language).password);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    setMessage('');
    setBusy(true);
    setFailure(null);
    try {
      await usersApi.revokeSessions(user.id);
      setMessage(t('security.revoked'));
      onSessionsRevoked();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="security-title" className="mb-5">
      <h2 id="security-title" className="h4">{t('security.title')}</h2>
      <ErrorAlert error={failure} />
      <div aria-live="polite">{message ? <p className="text-success fw-semibold" data-testid="security-message">{message}</p> : null}</div>
      <form onSubmit={(event) => void setNewPassword(event)} noValidate className="mb-4">
        <TextField id="user-set-password" type="password" label={t('security.newPassword')} value={password}
          onChange={setPassword} error={error} hint={t('fields.passwordHint')} autoComplete="new-password" required />
        <Button color="primary" type="submit" disabled={busy} testId="user-set-password-submit">
          {t('security.setPassword')}
        </Button>
      </form>
      <p data-testid="user-active-sessions">{t('security.sessions', { count: user.activeSessions })}</p>
      <Button color="danger" outline type="button" disabled={busy} onClick={() => void revoke()} testId="user-revoke-sessions">
        {t('security.revoke')}
      </Button>
    </section>
  );
}
