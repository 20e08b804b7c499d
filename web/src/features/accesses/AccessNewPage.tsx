import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { registryApi } from '../registry/registry-api.ts';
import { emptyAccessForm, type AccessBody, type AccessFormState } from './access-form-model.ts';
import { accessesApi } from './accesses-api.ts';
import { AccessForm } from './AccessForm.tsx';

/** Where the person page sends the user: the person already chosen, and the page to go back to. */
export type NewAccessState = { person?: ComboOption; returnTo?: string } | null;
/** What a page shows after an access is saved. */
export type AccessNotice = { accessNotice?: 'created' | 'createdReferral' } | null;

export function AccessNewPage() {
  const { t, i18n } = useTranslation(['accesses', 'common']);
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const state = location.state as NewAccessState;
  const personId = params.get('personId');
  const [initial, setInitial] = useState<AccessFormState | null>(() => (state?.person || !personId ? emptyAccessForm(state?.person ?? null) : null));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  usePageTitle(t('new.title'));

  useEffect(() => {
    if (initial || !personId) return;
    void registryApi.get(personId).then(
      (person) => { setInitial(emptyAccessForm({ value: person.id, label: `${person.familyName} ${person.givenName}` })); },
      () => { setInitial(emptyAccessForm(null)); },
    );
  }, [initial, personId]);

  const submit = async (body: AccessBody) => {
    setBusy(true);
    setFailure(null);
    setServerErrors({});
    try {
      const created = await accessesApi.create(body);
      const notice: AccessNotice = { accessNotice: created.outcome === 'referral' ? 'createdReferral' : 'created' };
      const beneficiary = created.persons[0]?.personId;
      const to = state?.returnTo ?? (beneficiary ? `/registry/persons/${encodeURIComponent(beneficiary)}` : '/accesses');
      void navigate(to, { state: notice });
    } catch (error) {
      setFailure(error);
      setServerErrors(fieldErrorsOf(error, i18n.language));
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('new.title')}</h1>
      <p>{t('new.intro')}</p>
      {initial ? (
        <AccessForm initial={initial} onSubmit={(body) => void submit(body)} busy={busy} serverErrors={serverErrors} failure={failure} submitLabel={t('new.submit')} cancelTo={state?.returnTo ?? '/accesses'} />
      ) : (
        <Loading />
      )}
    </>
  );
}
