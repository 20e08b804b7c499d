import { Badge, Button } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseLetter } from '../../../../src/features/case-letters/case-letters.schemas.ts';
import type { LetterTemplate } from '../../../../src/features/case-settings/case-settings.schemas.ts';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import { useFormSave } from '../../platform/api/use-form-save.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { formatDate, formatNumber } from '../../platform/format.ts';
import { caseSettingsApi } from '../case-settings/case-settings-api.ts';
import { caseLettersApi, composerPath } from './case-letters-api.ts';

/** The "Letters" section of the case page: the letters written so far and a new one from a template. */
export function LettersSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('caseLetters');
  const me = useMe();
  const [letters, setLetters] = useState<CaseLetter[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const writer = can(me, permissions.caseWrite);

  useEffect(() => {
    void caseLettersApi.list(detail.id).then(setLetters, setFailure);
  }, [detail.id]);

  return (
    <section aria-labelledby="letters-title" className="mt-4" data-testid="case-letters">
      <h2 id="letters-title" className="h4">{t('title')}</h2>
      <p className="small">{t('about')}</p>
      <ErrorAlert error={failure} />
      {letters === null && !failure ? <Loading /> : null}
      {letters?.length === 0 ? <p>{t('empty')}</p> : null}
      {letters?.length ? (
        <DataTable caption={t('list.caption')} captionHidden size="sm" testId="letters-table">
          <thead>
            <tr>
              <th scope="col">{t('list.subject')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.date')}</th>
              <th scope="col">{t('list.readability')}</th>
              <th scope="col">{t('list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => (
              <tr key={letter.id} data-testid="letter-row">
                <td>
                  <Link to={composerPath(detail.id, letter.id)} aria-label={t(letter.status === 'draft' && writer ? 'list.edit' : 'list.open', { subject: letter.subject })}>
                    {letter.subject}
                  </Link>
                </td>
                <td><Badge color={letter.status === 'sent' ? 'success' : 'secondary'}>{t(`status.${letter.status}`)}</Badge></td>
                <td>{formatDate(letter.sentAt ?? letter.updatedAt, i18n.language)}</td>
                <td>{letter.gulpeaseAtSending === null ? '—' : formatNumber(letter.gulpeaseAtSending, i18n.language)}</td>
                <td>
                  <a href={caseLettersApi.pdfUrl(detail.id, letter.id)} target="_blank" rel="noreferrer">
                    PDF<span className="visually-hidden"> {t('list.pdf', { subject: letter.subject })} {t('list.newWindow')}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {writer ? <NewLetterForm caseId={detail.id} /> : null}
    </section>
  );
}

function NewLetterForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('caseLetters');
  const navigate = useNavigate();
  const { errors, failure, busy, save } = useFormSave();
  const [templates, setTemplates] = useState<LetterTemplate[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [templateId, setTemplateId] = useState('');

  useEffect(() => {
    void caseSettingsApi.letterTemplates().then((all) => { setTemplates(all.filter((template) => template.isActive)); }, setLoadFailure);
  }, []);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(async () => {
      const letter = await caseLettersApi.create(caseId, templateId);
      void navigate(composerPath(caseId, letter.id));
    });
  };

  if (loadFailure) return <ErrorAlert error={loadFailure} />;
  if (!templates) return <Loading />;
  const options = templates.map((template) => ({ value: template.id, label: `${template.name} (${template.language.toUpperCase()})` }));
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 mt-3" aria-labelledby="letter-new-title" data-testid="letter-new">
      <h3 id="letter-new-title" className="h5">{t('new.title')}</h3>
      {templates.length === 0 ? <p>{t('new.noTemplates')}</p> : null}
      <SelectField id="letter-template" label={t('new.template')} value={templateId} options={options} placeholder={t('new.choose')} onChange={setTemplateId} error={errors.templateId} required />
      <ErrorAlert error={failure} />
      <Button color="primary" type="submit" disabled={busy} testId="letter-new-submit">{t('new.submit')}</Button>
    </form>
  );
}
