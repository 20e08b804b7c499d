import { Alert, Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ceiling } from '../../../../src/features/contributions/contributions.schemas.ts';
import { decimalCents } from '../../../../src/features/contributions/money.ts';
import { parseEuros } from '../../../../src/platform/money/euros.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { useAction } from '../accesses/use-action.ts';
import { contributionsApi } from './contributions-api.ts';

type Row = ReturnType<typeof Ceiling.parse>;
const shown = (cents: number | null) => (cents === null ? '' : decimalCents(cents));

/** The manager's yearly ceilings per person and per household, one form per municipality. */
export function CeilingsPage() {
  const { t } = useTranslation('contributions');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const load = useCallback(() => {
    void contributionsApi.ceilings().then(setRows, setFailure);
  }, []);
  const saved = (municipality: string) => {
    setNotice(t('ceilings.saved', { municipality }));
    load();
  };
  useEffect(load, [load]);
  return (
    <div data-testid="ceilings-page">
      <h1>{t('ceilings.title')}</h1>
      <p>{t('ceilings.about')}</p>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="ceilings-notice">{notice}</Alert> : null}</div>
      <ErrorAlert error={failure} testId="ceilings-error" />
      {!rows && !failure ? <Loading /> : null}
      {rows?.map((row) => <CeilingForm key={`${row.municipalityCode}-${String(row.version)}`} row={row} onSaved={saved} />)}
    </div>
  );
}

function CeilingForm({ row, onSaved }: { row: Row; onSaved: (municipality: string) => void }) {
  const { t } = useTranslation('contributions');
  const [person, setPerson] = useState(shown(row.personYearlyCents));
  const [household, setHousehold] = useState(shown(row.householdYearlyCents));
  const { busy, failure, run } = useAction();
  const municipality = row.municipalityName;
  const cents = (text: string) => (text.trim() === '' ? null : parseEuros(text));
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(
      () => contributionsApi.saveCeiling(row.municipalityCode, { personYearlyCents: cents(person), householdYearlyCents: cents(household), version: row.version }),
      () => { onSaved(municipality); },
    );
  };
  const invalid = (text: string) => (text.trim() !== '' && parseEuros(text) === null ? t('propose.amountInvalid') : undefined);
  return (
    <form onSubmit={submit} noValidate className="mb-4" aria-label={municipality}>
      <h2 className="h5">{municipality}</h2>
      <ErrorAlert error={failure} />
      <TextField id={`ceiling-person-${row.municipalityCode}`} label={t('ceilings.person', { municipality })} value={person} onChange={setPerson} error={invalid(person)} maxLength={15} />
      <TextField id={`ceiling-household-${row.municipalityCode}`} label={t('ceilings.household', { municipality })} value={household} onChange={setHousehold} error={invalid(household)} maxLength={15} />
      <Button color="primary" size="sm" type="submit" disabled={busy}>{t('ceilings.save', { municipality })}</Button>
    </form>
  );
}
