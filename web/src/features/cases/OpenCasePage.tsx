import { Button } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { EligibleOwner } from '../../../../src/features/cases/cases.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { useNeedAreas } from '../accesses/use-access-options.ts';
import { useAction } from '../accesses/use-action.ts';
import { registryApi } from '../registry/registry-api.ts';
import { casesApi } from './cases-api.ts';
import { casePath } from './case-format.ts';

/** "Apri caso": from a referral of the intake queue, or directly for a registered person. */
export function OpenCasePage() {
  const { t } = useTranslation(['cases', 'common']);
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const intakeId = params.get('intakeId');
  const personId = params.get('personId');
  const needAreas = useNeedAreas();
  const [who, setWho] = useState(params.get('who') ?? '');
  const [municipality, setMunicipality] = useState(params.get('municipalityCode') ?? '');
  const [owners, setOwners] = useState<EligibleOwner[]>([]);
  const [ownerId, setOwnerId] = useState('');
  const [areas, setAreas] = useState<string[]>(params.get('needAreaCode') ? [params.get('needAreaCode')!] : []);
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const { busy, failure, run } = useAction();
  usePageTitle(t('open.title'));

  useEffect(() => {
    if (!personId) return;
    void registryApi.get(personId).then((person) => {
      setWho(`${person.familyName} ${person.givenName}`);
      setMunicipality(person.municipalityCode);
    }, setLoadFailure);
  }, [personId]);
  useEffect(() => {
    if (!municipality) return;
    void casesApi.ownersIn(municipality).then((list) => {
      setOwners(list);
      setOwnerId((current) => current || (list.some((o) => o.id === me.id) ? me.id : (list[0]?.id ?? '')));
    }, setLoadFailure);
  }, [municipality, me.id]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const common = { ...(ownerId ? { ownerId } : {}), needAreaCodes: areas, ...(nextReviewOn ? { nextReviewOn } : {}) };
    const action = intakeId
      ? () => casesApi.openFromIntake(intakeId, { ...common, version: Number(params.get('version') ?? '1') })
      : () => casesApi.open({ ...common, persons: [{ personId: personId ?? '', role: 'beneficiary' }] });
    void run(action, (detail) => { void navigate(casePath(detail.id)); });
  };
  const toggle = (code: string, on: boolean) => { setAreas((list) => (on ? [...list, code] : list.filter((c) => c !== code))); };

  if (!intakeId && !personId) return <ErrorAlert error={new Error(t('open.missing'))} />;
  return (
    <>
      <h1>{t('open.title')}</h1>
      <p data-testid="open-case-about">{intakeId ? `${who} — ${t('open.fromIntake')}` : t('open.forPerson', { name: who })}</p>
      <ErrorAlert error={failure ?? loadFailure} testId="open-case-error" />
      <form onSubmit={submit} noValidate data-testid="open-case-form">
        {owners.length > 0 && can(me, permissions.caseManage) ? (
          <SelectField id="open-owner" label={t('open.owner')} required value={ownerId} options={owners.map((o) => ({ value: o.id, label: o.displayName }))} onChange={setOwnerId} />
        ) : (
          <p>{t('open.ownerSelf')}</p>
        )}
        <fieldset className="mb-3">
          <legend className="form-label fs-6 fw-semibold mb-1">{t('open.areas')}</legend>
          {needAreas.options.map((option) => (
            <CheckboxField key={option.value} id={`open-area-${option.value}`} label={option.label} checked={areas.includes(option.value)} onChange={(on) => { toggle(option.value, on); }} />
          ))}
        </fieldset>
        <TextField id="open-next-review" label={t('open.nextReview')} type="date" value={nextReviewOn} onChange={setNextReviewOn} />
        <Button color="primary" type="submit" disabled={busy} testId="open-case-submit">{t('open.submit')}</Button>
      </form>
    </>
  );
}
