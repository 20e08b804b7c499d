import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LetterTemplate } from '../../../../src/features/case-settings/case-settings.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { caseSettingsApi } from './case-settings-api.ts';

/** The letter templates, each opening its editor. */
export function LetterTemplatesPage() {
  const { t } = useTranslation(['caseSettings', 'common']);
  usePageTitle(t('letters.title'));
  const [templates, setTemplates] = useState<LetterTemplate[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void caseSettingsApi.letterTemplates().then(setTemplates, setFailure);
  }, []);

  return (
    <>
      <h1>{t('letters.title')}</h1>
      <p>{t('letters.intro')}</p>
      <p><Link to="/case-settings/letters/new" className="btn btn-primary btn-sm" data-testid="new-letter-template">{t('letters.new')}</Link></p>
      <ErrorAlert error={failure} />
      {!templates && !failure ? <Loading /> : null}
      {templates ? (
        <DataTable caption={t('letters.title')} captionHidden size="sm" testId="letter-templates">
          <thead>
            <tr>
              <th scope="col">{t('letters.name')}</th>
              <th scope="col">{t('letters.language')}</th>
              <th scope="col">{t('letters.subject')}</th>
              <th scope="col">{t('letters.active')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr key={template.id} data-testid="letter-template-row">
                <th scope="row"><Link to={`/case-settings/letters/${template.id}`}>{template.name}</Link></th>
                <td>{t(`letters.languages.${template.language}`)}</td>
                <td>{template.subject}</td>
                <td>{template.isActive ? t('dimensions.yes') : t('dimensions.no')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </>
  );
}
