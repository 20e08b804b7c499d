import { Button, Col, Row } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIARY_KINDS, DIARY_TEXT_MAX, type DiaryKind } from '../../../../src/features/case-diary/case-diary.codes.ts';
import type { EligibleOwner } from '../../../../src/features/cases/cases.schemas.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { casesApi } from '../cases/cases-api.ts';
import { externalRow, type DiaryFormState } from './diary-form-model.ts';

type Props = {
  caseId: string;
  form: DiaryFormState;
  onChange: (form: DiaryFormState) => void;
  errors: FieldErrors;
  /** The author: always counted among the internal participants, so not offered. */
  authorId: string;
};

/** The fields of a diary entry, the same for a new entry and a correction. */
export function DiaryEntryFields({ caseId, form, onChange, errors, authorId }: Props) {
  const { t } = useTranslation(['caseDiary', 'common']);
  const [colleagues, setColleagues] = useState<EligibleOwner[]>([]);
  useEffect(() => {
    // Without the list (e.g. a manager's own grants) the entry can still be saved with the author alone.
    void casesApi.owners(caseId).then(setColleagues, () => { setColleagues([]); });
  }, [caseId]);
  const set = <K extends keyof DiaryFormState>(key: K, value: DiaryFormState[K]) => { onChange({ ...form, [key]: value }); };
  const setExternal = (key: number, field: 'name' | 'body', value: string) => {
    set('external', form.external.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  };
  const others = colleagues.filter((c) => c.id !== authorId);
  return (
    <>
      <SelectField id="diary-kind" label={t('fields.kind')} required value={form.kind} options={DIARY_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} onChange={(value) => { set('kind', value as DiaryKind); }} error={errors.kind} />
      <Row>
        <Col xs={6}>
          <TextField id="diary-date" type="date" label={t('fields.date')} required value={form.date} onChange={(value) => { set('date', value); }} error={errors.occurredAt} />
        </Col>
        <Col xs={6}>
          <TextField id="diary-time" type="time" label={t('fields.time')} required value={form.time} onChange={(value) => { set('time', value); }} />
        </Col>
      </Row>
      <TextField id="diary-minutes" type="number" inputMode="numeric" label={t('fields.minutes')} hint={t('fields.minutesHint')} required value={form.minutes} onChange={(value) => { set('minutes', value); }} error={errors.minutes} />
      <fieldset className="mb-3" aria-describedby="diary-internal-hint">
        <legend className="h6">{t('fields.internal')}</legend>
        <p id="diary-internal-hint" className="small text-muted">{t('fields.internalHint')}</p>
        {others.map((c) => (
          <CheckboxField
            key={c.id}
            id={`diary-internal-${c.id}`}
            testId="diary-internal"
            label={c.displayName}
            checked={form.internalIds.includes(c.id)}
            onChange={(checked) => { set('internalIds', checked ? [...form.internalIds, c.id] : form.internalIds.filter((id) => id !== c.id)); }}
          />
        ))}
        {errors.internalParticipantIds ? <div className="invalid-feedback d-block">{errors.internalParticipantIds}</div> : null}
      </fieldset>
      <fieldset className="mb-3">
        <legend className="h6">{t('fields.external')}</legend>
        {form.external.map((row, index) => (
          <div key={row.key} className="border-start border-3 ps-3 mb-3" data-testid="diary-external">
            <TextField id={`diary-external-${index}-name`} label={t('fields.externalName', { n: index + 1 })} required value={row.name} onChange={(value) => { setExternal(row.key, 'name', value); }} error={errors[`externalParticipants.${index}.name`]} maxLength={200} />
            <TextField id={`diary-external-${index}-body`} label={t('fields.externalBody', { n: index + 1 })} hint={t('fields.externalBodyHint')} value={row.body} onChange={(value) => { setExternal(row.key, 'body', value); }} maxLength={200} />
            <Button color="secondary" outline size="xs" type="button" onClick={() => { set('external', form.external.filter((r) => r.key !== row.key)); }}>
              {t('common:actions.remove')}<span className="visually-hidden"> {t('fields.externalName', { n: index + 1 })}</span>
            </Button>
          </div>
        ))}
        <Button color="secondary" outline size="sm" type="button" onClick={() => { set('external', [...form.external, externalRow()]); }} testId="diary-add-external">{t('fields.addExternal')}</Button>
      </fieldset>
      <TextAreaField id="diary-text" label={t('fields.text')} required value={form.text} onChange={(value) => { set('text', value); }} error={errors.text} maxLength={DIARY_TEXT_MAX} rows={6} />
    </>
  );
}
