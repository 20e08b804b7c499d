import { Button } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LETTER_LANGUAGES, LETTER_PLACEHOLDERS, withSampleValues, type LetterLanguage } from '../../../../src/features/case-settings/case-settings.codes.ts';
import type { LetterTemplate } from '../../../../src/features/case-settings/case-settings.schemas.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { ReadabilityMeter } from '../../platform/components/ReadabilityMeter.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { caseSettingsApi } from './case-settings-api.ts';

type Draft = { name: string; language: LetterLanguage; subject: string; body: string; isActive: boolean };
const EMPTY: Draft = { name: '', language: 'it', subject: '', body: '', isActive: true };

/** Writes or edits a letter template, with its Gulpease index live and a PDF preview of the saved text. */
export function LetterTemplateEditPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const { t, i18n } = useTranslation(['caseSettings', 'common']);
  usePageTitle(isNew ? t('letters.new') : t('letters.edit'));
  const navigate = useNavigate();
  const [saved, setSaved] = useState<LetterTemplate | null>(null);
  const [draft, setDraft] = useState<Draft | null>(isNew ? EMPTY : null);
  const [failure, setFailure] = useState<unknown>(null);
  const [savedNotice, setSavedNotice] = useState(false);
  const errors = fieldErrorsOf(failure, i18n.language);

  useEffect(() => {
    if (isNew) return;
    void caseSettingsApi.letterTemplate(id).then((template) => {
      setSaved(template);
      setDraft({ name: template.name, language: template.language, subject: template.subject, body: template.body, isActive: template.isActive });
    }, setFailure);
  }, [id, isNew]);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!draft) return;
    setFailure(null);
    setSavedNotice(false);
    try {
      const next = isNew ? await caseSettingsApi.createLetterTemplate(draft) : await caseSettingsApi.updateLetterTemplate(id, draft);
      setSaved(next);
      setSavedNotice(true);
      if (isNew) void navigate(`/case-settings/letters/${next.id}`, { replace: true });
    } catch (error) {
      setFailure(error);
    }
  };

  if (!draft) return failure ? <ErrorAlert error={failure} /> : <Loading />;
  const set = (patch: Partial<Draft>) => { setDraft({ ...draft, ...patch }); setSavedNotice(false); };
  const languages = LETTER_LANGUAGES.map((value) => ({ value, label: t(`letters.languages.${value}`) }));
  const placeholders = LETTER_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');
  const changed = saved !== null && (saved.body !== draft.body || saved.subject !== draft.subject);

  return (
    <>
      <p><Link to="/case-settings/letters">{t('letters.back')}</Link></p>
      <h1>{isNew ? t('letters.new') : t('letters.editTitle', { name: saved?.name ?? '' })}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="letter-template-form">
        <div className="row">
          <div className="col-12 col-md-8">
            <TextField id="template-name" label={t('letters.name')} value={draft.name} onChange={(name) => { set({ name }); }} error={errors.name} required maxLength={120} />
          </div>
          <div className="col-12 col-md-4">
            <SelectField id="template-language" label={t('letters.language')} value={draft.language} options={languages} onChange={(language) => { set({ language: language as LetterLanguage }); }} error={errors.language} required />
          </div>
        </div>
        <TextField id="template-subject" label={t('letters.subject')} value={draft.subject} onChange={(subject) => { set({ subject }); }} error={errors.subject} required maxLength={200} />
        <TextAreaField id="template-body" label={t('letters.body')} hint={t('letters.placeholders', { list: placeholders })} value={draft.body} onChange={(body) => { set({ body }); }} error={errors.body} required rows={12} maxLength={20000} />
        {draft.language === 'it' ? <ReadabilityMeter id="template-readability" text={withSampleValues(draft.body)} /> : <p className="small text-muted">{t('letters.onlyItalian')}</p>}
        <CheckboxField id="template-active" label={t('letters.active')} checked={draft.isActive} onChange={(isActive) => { set({ isActive }); }} />
        <ErrorAlert error={failure} />
        <div aria-live="polite">{savedNotice ? <p className="text-success" data-testid="template-saved">{t('letters.saved')}</p> : null}</div>
        <Button color="primary" type="submit" testId="template-submit">{t('common:actions.save')}</Button>{' '}
        {saved ? (
          <a className="btn btn-outline-primary" href={caseSettingsApi.previewUrl(saved.id)} target="_blank" rel="noreferrer" data-testid="template-preview">
            {t('letters.preview')} <span className="visually-hidden">{t('letters.newWindow')}</span>
          </a>
        ) : null}
        {changed ? <p className="small mt-2">{t('letters.previewSaved')}</p> : null}
      </form>
    </>
  );
}
