import { Button } from 'design-react-kit';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import { dayInRome } from '../../../../src/platform/time/rome.ts';

export interface StatusStep {
  from: string;
  to: string;
  on: string;
  note: string | null;
  by: { displayName: string };
}

/** The dated transitions so far, oldest first. */
export function StatusHistory({ history, statusLabel }: { history: readonly StatusStep[]; statusLabel: (status: string) => string }) {
  const { t, i18n } = useTranslation('referrals');
  if (history.length === 0) return null;
  return (
    <>
      <h3 className="h6">{t('status.history')}</h3>
      <ol data-testid="status-history">
        {history.map((step) => (
          <li key={`${step.to}-${step.on}-${step.from}`}>
            {t('status.step', { date: formatDate(step.on, i18n.language), from: statusLabel(step.from), to: statusLabel(step.to), name: step.by.displayName })}
            {step.note ? ` — ${step.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}

interface Props {
  id: string;
  allowed: readonly string[];
  statusLabel: (status: string) => string;
  busy: boolean;
  failure: unknown;
  errors: FieldErrors;
  onSubmit: (change: { to: string; on: string; note: string }) => void;
  /** The fields a given target status needs (answer, docket number…). */
  extra: (to: string) => ReactNode;
}

/** Moves a referral or petition to one of the states allowed from here, with the day it happened and a note. */
export function StatusChangeForm({ id, allowed, statusLabel, busy, failure, errors, onSubmit, extra }: Props) {
  const { t } = useTranslation('referrals');
  const [to, setTo] = useState('');
  const [on, setOn] = useState(dayInRome());
  const [note, setNote] = useState('');
  if (allowed.length === 0) return null;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({ to, on, note });
  };
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 mt-3" aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`} className="h5">{t('status.change')}</h3>
      <SelectField id={`${id}-to`} label={t('status.to')} value={to} options={allowed.map((s) => ({ value: s, label: statusLabel(s) }))} placeholder={t('status.choose')} onChange={setTo} error={errors.to} required />
      <TextField id={`${id}-on`} label={t('status.on')} type="date" value={on} onChange={setOn} error={errors.on} required />
      {to ? extra(to) : null}
      <TextAreaField id={`${id}-note`} label={t('status.note')} value={note} onChange={setNote} error={errors.note} maxLength={2000} />
      <ErrorAlert error={failure} />
      <Button color="primary" type="submit" disabled={busy || !to} testId={`${id}-submit`}>{t('status.submit')}</Button>
    </form>
  );
}
