import { Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../src/features/users/users.schemas.ts';
import { fieldErrorsOf, type FieldErrors } from '../../platform/api/error-text.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usersApi } from './users-api.ts';

type Props = { user: UserView; onSaved: (user: UserView) => void };

export function ProfileForm({ user, onSaved }: Props) {
  const { t, i18n } = useTranslation(['users', 'common']);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email ?? '');
  const [isActive, setActive] = useState(user.isActive);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (displayName.trim().length < 2) next.displayName = t('validation.displayName');
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) next.email = t('validation.email');
    setErrors(next);
    setSaved(false);
    if (Object.keys(next).length) return;
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await usersApi.update(user.id, { displayName: displayName.trim(), email: email.trim() || null, isActive }));
      setSaved(true);
    } catch (error) {
      setFailure(error);
      setErrors(fieldErrorsOf(error, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="profile-title" className="mb-5">
      <h2 id="profile-title" className="h4">{t('edit.profile')}</h2>
      <ErrorAlert error={failure} />
      <div aria-live="polite">{saved ? <p className="text-success fw-semibold" data-testid="profile-saved">{t('edit.saved')}</p> : null}</div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField id="user-edit-display-name" label={t('fields.displayName')} value={displayName}
          onChange={setDisplayName} error={errors.displayName} required autoComplete="off" />
        <TextField id="user-edit-email" type="email" label={t('fields.email')} value={email} onChange={setEmail}
          error={errors.email} autoComplete="off" />
        <CheckboxField id="user-edit-active" label={t('fields.isActive')} checked={isActive} onChange={setActive}
          hint={t('fields.isActiveHint')} />
        <Button color="primary" type="submit" disabled={busy} className="mt-2" testId="user-profile-save">
          {busy ? t('common:actions.saving') : t('common:actions.save')}
        </Button>
      </form>
    </section>
  );
}
