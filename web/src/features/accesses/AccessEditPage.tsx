import { Alert } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Access } from '../../../../src/features/accesses/accesses.schemas.ts';
import { ApiError } from '../../platform/api/api-client.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { accessToForm, type AccessBody } from './access-form-model.ts';
import { accessesApi } from './accesses-api.ts';
import { AccessForm } from './AccessForm.tsx';

/** Corrects an access; a concurrent change (412) reloads the current version into the form. */
export function AccessEditPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['accesses', 'common']);
  const navigate = useNavigate();
  const [access, setAccess] = useState<Access | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  usePageTitle(t('edit.title'));

  useEffect(() => {
    void accessesApi.get(id).then(setAccess, setLoadFailure);
  }, [id]);

  const submit = async (fields: AccessBody) => {
    if (!access) return;
    setBusy(true);
    setFailure(null);
    setServerErrors({});
    const { persons: _persons, ...body } = fields;
    try {
      const saved = await accessesApi.update(access.id, { access: body, version: access.version });
      const beneficiary = saved.persons[0]?.personId;
      void navigate(beneficiary ? `/registry/persons/${encodeURIComponent(beneficiary)}` : '/accesses');
    } catch (error) {
      const current = error instanceof ApiError && error.status === 412 ? (error.body?.data as { current?: Access } | undefined)?.current : undefined;
      if (current) {
        setStale(true);
        setAccess(current);
      } else {
        setFailure(error);
        setServerErrors(fieldErrorsOf(error, i18n.language, 'access'));
      }
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('edit.title')}</h1>
      <ErrorAlert error={loadFailure} />
      {stale ? <Alert color="warning" fade={false} testId="access-stale">{t('edit.stale')}</Alert> : null}
      {access ? (
        <AccessForm key={access.version} initial={accessToForm(access)} editing onSubmit={(body) => void submit(body)} busy={busy} serverErrors={serverErrors} failure={failure} submitLabel={t('edit.submit')} cancelTo="/accesses" />
      ) : !loadFailure ? (
        <Loading />
      ) : null}
    </>
  );
}
