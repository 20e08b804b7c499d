import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { DuplicateCandidate } from '../../../../src/features/registry/registry.schemas.ts';
import { ApiError } from '../../platform/api/api-client.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { DuplicateConfirmation } from './DuplicateConfirmation.tsx';
import { emptyPersonForm } from './person-form-model.ts';
import { PersonForm } from './PersonForm.tsx';
import { registryApi, type PersonInputBody } from './registry-api.ts';

function duplicatesOf(error: unknown): DuplicateCandidate[] | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'DUPLICATE_CANDIDATES') return null;
  const data = error.body?.data as { duplicates?: DuplicateCandidate[] } | undefined;
  return Array.isArray(data?.duplicates) ? data.duplicates : [];
}

export function PersonNewPage() {
  const { t, i18n } = useTranslation(['registry', 'common']);
  const navigate = useNavigate();
  const [initial] = useState(() => emptyPersonForm(null));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  usePageTitle(t('new.title'));

  const submit = async (person: PersonInputBody) => {
    setBusy(true);
    setFailure(null);
    setServerErrors({});
    try {
      const created = await registryApi.create({ person, confirmDuplicates: Boolean(duplicates && confirmed) });
      void navigate(`/registry/persons/${encodeURIComponent(created.id)}`, { state: { notice: 'created' } });
    } catch (error) {
      const found = duplicatesOf(error);
      if (found) {
        setDuplicates(found);
        setConfirmed(false);
      } else {
        setFailure(error);
        setServerErrors(fieldErrorsOf(error, i18n.language, 'person'));
      }
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('new.title')}</h1>
      <p>{t('new.intro')}</p>
      <PersonForm
        initial={initial}
        onSubmit={(person) => void submit(person)}
        busy={busy}
        serverErrors={serverErrors}
        failure={failure}
        submitLabel={t('new.submit')}
        cancelTo="/registry"
      >
        {duplicates ? (
          <DuplicateConfirmation
            duplicates={duplicates}
            confirmed={confirmed}
            onConfirmedChange={setConfirmed}
            busy={busy}
          />
        ) : null}
      </PersonForm>
    </>
  );
}
