import { Alert, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Person } from '../../../../src/features/registry/registry.schemas.ts';
import { ApiError } from '../../platform/api/api-client.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { personFormFrom } from './person-form-model.ts';
import { PersonForm } from './PersonForm.tsx';
import { registryApi, type PersonInputBody } from './registry-api.ts';

function conflictOf(error: unknown): Person | null {
  if (!(error instanceof ApiError) || error.status !== 412 || error.code !== 'VERSION_CONFLICT') return null;
  return (error.body?.data as { current?: Person } | undefined)?.current ?? null;
}

export function PersonEditPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['registry', 'common']);
  const navigate = useNavigate();
  const [person, setPerson] = useState<Person | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Person | null>(null);
  usePageTitle(person ? t('edit.titleNamed', { name: `${person.familyName} ${person.givenName}` }) : t('edit.title'));

  useEffect(() => {
    void registryApi.get(id).then(setPerson, setLoadFailure);
  }, [id]);

  const submit = async (input: PersonInputBody) => {
    if (!person) return;
    setBusy(true);
    setFailure(null);
    setServerErrors({});
    try {
      await registryApi.update(person.id, { person: input, version: person.version });
      void navigate(`/registry/persons/${encodeURIComponent(person.id)}`, { state: { notice: 'saved' } });
    } catch (error) {
      const current = conflictOf(error);
      if (current) setConflict(current);
      else {
        setFailure(error);
        setServerErrors(fieldErrorsOf(error, i18n.language, 'person'));
      }
      setBusy(false);
    }
  };

  const reloadCurrent = () => {
    if (!conflict) return;
    setPerson(conflict);
    setConflict(null);
  };

  return (
    <>
      <h1>{person ? t('edit.titleNamed', { name: `${person.familyName} ${person.givenName}` }) : t('edit.title')}</h1>
      <ErrorAlert error={loadFailure} />
      {!person && !loadFailure ? <Loading /> : null}
      {conflict ? (
        <Alert color="warning" fade={false} role="alert" testId="version-conflict">
          <h2 className="h5">{t('conflict.title')}</h2>
          <p>{t('conflict.text', { date: formatDateTime(conflict.updatedAt, i18n.language), version: conflict.version })}</p>
          <dl className="details-grid mb-2">
            <dt>{t('fields.familyName')}</dt>
            <dd>{conflict.familyName}</dd>
            <dt>{t('fields.givenName')}</dt>
            <dd>{conflict.givenName}</dd>
            <dt>{t('fields.fiscalCode')}</dt>
            <dd className="fiscal-code">{conflict.fiscalCode ?? t('common:values.empty')}</dd>
            <dt>{t('fields.birthDate')}</dt>
            <dd>{formatDate(conflict.birthDate, i18n.language) || t('common:values.empty')}</dd>
            <dt>{t('fields.residence')}</dt>
            <dd>{conflict.residence ? `${conflict.residence.address}, ${conflict.residence.municipalityName}` : t('common:values.empty')}</dd>
          </dl>
          <Button color="primary" type="button" onClick={reloadCurrent} testId="version-conflict-reload">
            {t('conflict.reload')}
          </Button>
        </Alert>
      ) : null}
      {person ? (
        <PersonForm
          key={`${person.id}:${person.version}`}
          initial={personFormFrom(person)}
          personId={person.id}
          onSubmit={(input) => void submit(input)}
          busy={busy || Boolean(conflict)}
          serverErrors={serverErrors}
          failure={failure}
          submitLabel={t('edit.submit')}
          cancelTo={`/registry/persons/${encodeURIComponent(person.id)}`}
        />
      ) : null}
    </>
  );
}
