import { Alert, Button, Col, Row } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangePasswordBody } from '../../../../src/platform/auth/auth.schemas.ts';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/api-client.ts';
import { fieldErrorsOf, type FieldErrors } from '../api/error-text.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextField } from '../components/TextField.tsx';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useAuth } from './auth-context.ts';

const MIN_LENGTH = 12;

export function ChangePasswordPage() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { me, passwordChanged } = useAuth();
  const navigate = useNavigate();
  // Read once: after the change the flag clears, and the page must still say what happened.
  const [required] = useState(me?.mustChangePassword === true);
  usePageTitle(t('password.title'));

  const set = (key: keyof typeof form) => (value: string) => { setForm((f) => ({ ...f, [key]: value })); };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!form.currentPassword) next.currentPassword = t('form.required');
    if (form.newPassword.length < MIN_LENGTH) next.newPassword = t('password.tooShort');
    if (form.confirm !== form.newPassword) next.confirm = t('password.mismatch');
    if (form.newPassword && form.newPassword === form.currentPassword) next.newPassword = t('password.sameAsCurrent');
    setErrors(next);
    setDone(false);
    if (Object.keys(next).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const body: ChangePasswordBody = { currentPassword: form.currentPassword, newPassword: form.newPassword };
      await api.post('/auth/password', body);
      setForm({ currentPassword: '', newPassword: '', confirm: '' });
      setDone(true);
      if (required) {
        passwordChanged();
        void navigate('/', { replace: true });
      }
    } catch (error) {
      setFailure(error);
      setErrors(fieldErrorsOf(error, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row>
      <Col xs={12} lg={6}>
        <h1>{t('password.title')}</h1>
        {required ? (
          <Alert color="info" fade={false} testId="password-change-required">
            {t('password.required')}
          </Alert>
        ) : null}
        <div aria-live="polite">
          {done ? (
            <Alert color="success" fade={false} testId="password-changed">
              {t('password.done')}
            </Alert>
          ) : null}
        </div>
        <ErrorAlert error={failure} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            id="password-current"
            type="password"
            label={t('password.current')}
            value={form.currentPassword}
            onChange={set('currentPassword')}
            error={errors.currentPassword}
            autoComplete="current-password"
            required
          />
          <TextField
            id="password-new"
            type="password"
            label={t('password.new')}
            value={form.newPassword}
            onChange={set('newPassword')}
            error={errors.newPassword}
            hint={t('password.hint')}
            autoComplete="new-password"
            required
          />
          <TextField
            id="password-confirm"
            type="password"
            label={t('password.confirm')}
            value={form.confirm}
            onChange={set('confirm')}
            error={errors.confirm}
            autoComplete="new-password"
            required
          />
          <Button color="primary" type="submit" disabled={busy} testId="password-submit">
            {busy ? t('actions.saving') : t('password.submit')}
          </Button>
        </form>
      </Col>
    </Row>
  );
}
