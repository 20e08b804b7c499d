import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { DimensionsSection } from './DimensionsSection.tsx';
import { ThresholdsSection } from './ThresholdsSection.tsx';
import { ProcedureTypesSection } from './ProcedureTypesSection.tsx';

/** The service manager's configuration of case work. */
export function CaseSettingsPage() {
  const { t } = useTranslation('caseSettings');
  usePageTitle(t('page.title'));
  return (
    <>
      <h1>{t('page.title')}</h1>
      <p>{t('page.intro')} <Link to="/case-settings/letters">{t('page.lettersLink')}</Link></p>
      <ProcedureTypesSection />
      <DimensionsSection />
      <ThresholdsSection />
    </>
  );
}
