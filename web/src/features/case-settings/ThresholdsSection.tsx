import { Button } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { caseSettingsApi } from './case-settings-api.ts';

const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The worklist's thresholds: days without activity after which a case is flagged, days before a deadline that count as near. */
export function ThresholdsSection() {
  const { t, i18n } = useTranslation(['caseSettings', 'common']);
  const [inactivity, setInactivity] = useState('');
  const [near, setNear] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void caseSettingsApi.settings().then((s) => {
      setInactivity(String(s.inactivityDays));
      setNear(String(s.nearDeadlineDays));
    }, setFailure);
  }, []);

  const save = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    try {
      const next = await caseSettingsApi.updateSettings({ inactivityDays: asNumber(inactivity), nearDeadlineDays: asNumber(near) });
      setInactivity(String(next.inactivityDays));
      setNear(String(next.nearDeadlineDays));
      setSaved(true);
    } catch (error) {
      setFailure(error);
    }
  };
  const errors = fieldErrorsOf(failure, i18n.language);
  const edited = (set: (text: string) => void) => (text: string) => { set(text); setSaved(false); };

  return (
    <section aria-labelledby="inactivity-title" className="mb-5">
      <h2 id="inactivity-title" className="h4">{t('inactivity.title')}</h2>
      <form onSubmit={(event) => void save(event)} noValidate className="row align-items-end" data-testid="inactivity-form">
        <div className="col-12 col-md-4">
          <TextField id="inactivity-days" label={t('inactivity.days')} hint={t('inactivity.hint')} type="number" inputMode="numeric" value={inactivity} onChange={edited(setInactivity)} error={errors.inactivityDays} required />
        </div>
        <div className="col-12 col-md-4">
          <TextField id="near-deadline-days" label={t('inactivity.nearDays')} hint={t('inactivity.nearHint')} type="number" inputMode="numeric" value={near} onChange={edited(setNear)} error={errors.nearDeadlineDays} required />
        </div>
        <div className="col-12 col-md-2 mb-3">
          <Button color="primary" size="sm" type="submit" testId="inactivity-submit">{t('common:actions.save')}</Button>
        </div>
        <div className="col-12" aria-live="polite">{saved ? <p className="text-success" data-testid="inactivity-saved">{t('inactivity.saved')}</p> : null}</div>
        <ErrorAlert error={failure} />
      </form>
    </section>
  );
}
