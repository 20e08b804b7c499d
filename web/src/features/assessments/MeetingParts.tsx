import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibleOwner } from '../../../../src/features/cases/cases.schemas.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';

export type ParticipantRow =
  | { key: number; kind: 'internal'; userId: string; name: string; role: string; present: boolean }
  | { key: number; kind: 'external'; name: string; role: string; body: string; present: boolean };
export interface FollowUpRow { key: number; action: string; who: string; dueOn: string; done: boolean }

/** Participants of the meeting: staff chosen from the case's territory, external people typed in. */
export function ParticipantsFieldset({ rows, staff, errors, onChange, newKey }: { rows: ParticipantRow[]; staff: EligibleOwner[]; errors: FieldErrors; onChange: (rows: ParticipantRow[]) => void; newKey: () => number }) {
  const { t } = useTranslation('assessments');
  const [chosen, setChosen] = useState('');
  const replace = (index: number, next: ParticipantRow) => { onChange(rows.map((r, i) => (i === index ? next : r))); };
  const addInternal = () => {
    const user = staff.find((s) => s.id === chosen);
    if (!user) return;
    onChange([...rows, { key: newKey(), kind: 'internal', userId: user.id, name: user.displayName, role: '', present: true }]);
    setChosen('');
  };
  const addExternal = () => { onChange([...rows, { key: newKey(), kind: 'external', name: '', role: '', body: '', present: true }]); };
  return (
    <fieldset className="border rounded p-3 mb-4" data-testid="meeting-participants">
      <legend className="h5 px-2 w-auto">{t('meetings.participants')}</legend>
      {errors.participants ? <p className="text-danger small">{errors.participants}</p> : null}
      {rows.map((p, index) => {
        const n = index + 1;
        const id = `participant-${String(p.key)}`;
        return (
          <fieldset key={p.key} className="border-bottom pb-2 mb-3" data-testid="meeting-participant">
            <legend className="fs-6 fw-semibold">{p.kind === 'internal' ? t('meetings.internalTitle', { n, name: p.name }) : t('meetings.externalTitle', { n })}</legend>
            <div className="row">
              {p.kind === 'external' ? (
                <>
                  <div className="col-md-4"><TextField id={`${id}-name`} label={t('meetings.name')} required value={p.name} onChange={(name) => { replace(index, { ...p, name }); }} error={errors[`participants.${String(index)}.name`]} maxLength={200} /></div>
                  <div className="col-md-4"><TextField id={`${id}-body`} label={t('meetings.body')} required value={p.body} onChange={(body) => { replace(index, { ...p, body }); }} error={errors[`participants.${String(index)}.body`]} maxLength={200} /></div>
                </>
              ) : null}
              <div className="col-md-4"><TextField id={`${id}-role`} label={t('meetings.role')} value={p.role} onChange={(role) => { replace(index, { ...p, role }); }} maxLength={200} /></div>
            </div>
            <div className="d-flex flex-wrap gap-3 align-items-center">
              <CheckboxField id={`${id}-present`} label={t('meetings.present')} checked={p.present} onChange={(present) => { replace(index, { ...p, present }); }} />
              <Button color="danger" outline size="sm" type="button" onClick={() => { onChange(rows.filter((_, i) => i !== index)); }} testId={`${id}-remove`}>{t('meetings.remove', { n })}</Button>
            </div>
          </fieldset>
        );
      })}
      <div className="d-flex flex-wrap gap-2 align-items-end">
        <SelectField id="participant-internal" label={t('meetings.internal')} value={chosen} placeholder={t('meetings.chooseInternal')} options={staff.map((s) => ({ value: s.id, label: s.displayName }))} onChange={setChosen} className="mb-0" />
        <Button color="secondary" outline type="button" onClick={addInternal} disabled={!chosen} testId="participant-add-internal">{t('meetings.addInternal')}</Button>
        <Button color="secondary" outline type="button" onClick={addExternal} testId="participant-add-external">{t('meetings.addExternal')}</Button>
      </div>
    </fieldset>
  );
}

/** Follow-ups: action, who, due date, done. */
export function FollowUpsFieldset({ rows, errors, onChange, newKey }: { rows: FollowUpRow[]; errors: FieldErrors; onChange: (rows: FollowUpRow[]) => void; newKey: () => number }) {
  const { t } = useTranslation('assessments');
  const replace = (index: number, next: FollowUpRow) => { onChange(rows.map((r, i) => (i === index ? next : r))); };
  return (
    <fieldset className="border rounded p-3 mb-4" data-testid="meeting-follow-ups">
      <legend className="h5 px-2 w-auto">{t('meetings.followUps')}</legend>
      {rows.map((f, index) => {
        const n = index + 1;
        const id = `follow-up-${String(f.key)}`;
        return (
          <fieldset key={f.key} className="border-bottom pb-2 mb-3">
            <legend className="fs-6 fw-semibold">{t('meetings.followUpTitle', { n })}</legend>
            <div className="row">
              <div className="col-md-5"><TextField id={`${id}-action`} label={t('meetings.action')} required value={f.action} onChange={(action) => { replace(index, { ...f, action }); }} error={errors[`followUps.${String(index)}.action`]} maxLength={1000} /></div>
              <div className="col-md-4"><TextField id={`${id}-who`} label={t('meetings.who')} value={f.who} onChange={(who) => { replace(index, { ...f, who }); }} maxLength={200} /></div>
              <div className="col-md-3"><TextField id={`${id}-due`} type="date" label={t('meetings.dueOn')} value={f.dueOn} onChange={(dueOn) => { replace(index, { ...f, dueOn }); }} /></div>
            </div>
            <div className="d-flex flex-wrap gap-3 align-items-center">
              <CheckboxField id={`${id}-done`} label={t('meetings.done')} checked={f.done} onChange={(done) => { replace(index, { ...f, done }); }} />
              <Button color="danger" outline size="sm" type="button" onClick={() => { onChange(rows.filter((_, i) => i !== index)); }}>{t('meetings.removeFollowUp', { n })}</Button>
            </div>
          </fieldset>
        );
      })}
      <Button color="secondary" outline type="button" onClick={() => { onChange([...rows, { key: newKey(), action: '', who: '', dueOn: '', done: false }]); }} testId="follow-up-add">{t('meetings.addFollowUp')}</Button>
    </fieldset>
  );
}
