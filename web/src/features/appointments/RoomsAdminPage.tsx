import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../../../src/features/appointments/rooms.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { useMyMunicipalities } from '../territories/use-my-municipalities.ts';
import { appointmentsApi } from './appointments-api.ts';
import { OfficeRooms } from './OfficeRooms.tsx';

/** The manager's page of offices and interview rooms, protected ones marked. */
export function RoomsAdminPage() {
  const { t } = useTranslation(['appointments', 'common']);
  usePageTitle(t('rooms.title'));
  const { options: municipalities } = useMyMunicipalities();
  const [offices, setOffices] = useState<Office[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [draft, setDraft] = useState({ municipalityCode: '', name: '', address: '' });
  const [formFailure, setFormFailure] = useState<unknown>(null);

  const load = useCallback(() => {
    void appointmentsApi.offices({ includeInactive: 'true' }).then(setOffices, setFailure);
  }, []);
  useEffect(load, [load]);

  const addOffice = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormFailure(null);
    try {
      await appointmentsApi.createOffice({ municipalityCode: draft.municipalityCode, name: draft.name, address: draft.address || null });
      setDraft({ municipalityCode: draft.municipalityCode, name: '', address: '' });
      load();
    } catch (error) {
      setFormFailure(error);
    }
  };

  return (
    <>
      <h1>{t('rooms.title')}</h1>
      <p>{t('rooms.intro')}</p>
      <ErrorAlert error={failure} />
      {!offices && !failure ? <Loading /> : null}
      {offices && offices.length === 0 ? <p>{t('rooms.none')}</p> : null}
      {offices?.map((office) => <OfficeRooms key={office.id} office={office} onChanged={load} />)}
      <section aria-labelledby="new-office-title">
        <h2 id="new-office-title" className="h4">{t('rooms.newOffice')}</h2>
        <form onSubmit={(event) => void addOffice(event)} noValidate className="row" data-testid="new-office">
          <div className="col-12 col-md-4">
            <SelectField id="new-office-municipality" label={t('rooms.municipality')} value={draft.municipalityCode} options={municipalities} onChange={(municipalityCode) => { setDraft({ ...draft, municipalityCode }); }} placeholder={t('common:form.choose')} required />
          </div>
          <div className="col-12 col-md-4">
            <TextField id="new-office-name" label={t('rooms.officeName')} value={draft.name} onChange={(name) => { setDraft({ ...draft, name }); }} required maxLength={120} />
          </div>
          <div className="col-12 col-md-4">
            <TextField id="new-office-address" label={t('rooms.address')} value={draft.address} onChange={(address) => { setDraft({ ...draft, address }); }} maxLength={200} />
          </div>
          <ErrorAlert error={formFailure} />
          <div className="col-12">
            <Button color="primary" type="submit" testId="new-office-submit">{t('rooms.addOffice')}</Button>
          </div>
        </form>
      </section>
    </>
  );
}
