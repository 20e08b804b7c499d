import { Button, Col, Row } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { fieldErrorsOf, type FieldErrors } from '../../platform/api/error-text.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { usersApi } from './users-api.ts';

const USERNAME = /^[a-z0-9._-]{3,60}$/;

export function UserNewPage() {
  const { t, i18n } = useTranslation(['users', 'common']);
  const navigate = useNavigate();
  const [form, setForm] = useState({ username: '', displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('new.title'));
  const set = (key: keyof typeof form) => (value: string) => { setForm((f) => ({ ...f, [key]: value })); };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!USERNAME.test(form.username.trim())) next.username = t('validation.username');
    if (form.displayName.trim().length < 2) next.displayName = t('validation.displayName');
    if (form.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) next.email = t('validation.email');
    if (form.password.length < 12) next.password = t('validation.password');
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const user = await usersApi.create({
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        email: form.email.trim() || null,
        password: form.password,
      });
      void navigate(`/admin/users/${encodeURIComponent(user.id)}`, { state: { notice: 'created' } });
    } catch (error) {
      setFailure(error);
      setErrors(fieldErrorsOf(error, i18n.language));
      setBusy(false);
    }
  };

  return (
    <Row>
      <Col xs={12} lg={7}>
        <h1>{t('new.title')}</h1>
        <p>{t('new.intro')}</p>
        <ErrorAlert error={failure} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField id="user-username" label={t('fields.username')} value={form.username} onChange={set('username')}
            error={errors.username} hint={t('fields.usernameHint')} required autoComplete="off" autoCapitalize="none" spellCheck={false} />
          <TextField id="user-display-name" label={t('fields.displayName')} value={form.displayName}
            onChange={set('displayName')} error={errors.displayName} required autoComplete="off" />
          <TextField id="user-email" type="email" label={t('fields.email')} value={form.email} onChange={set('email')}
            error={errors.email} autoComplete="off" />
          <TextField id="user-password" type="password" label={t('fields.initialPassword')} value={form.password}
            onChange={set('password')} error={errors.password} hint={t('fields.passwordHint')} required autoComplete="new-password" />
          <div className="d-flex flex-wrap gap-2">
            <Button color="primary" type="submit" disabled={busy} testId="user-create-submit">
              {busy ? t('common:actions.saving') : t('new.submit')}
            </Button>
            <Link to="/admin/users" className="btn btn-outline-primary">
              {t('common:actions.cancel')}
            </Link>
          </div>
        </form>
      </Col>
    </Row>
  );
}
