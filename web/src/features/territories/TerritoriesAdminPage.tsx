import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { AreasSection } from './AreasSection.tsx';
import { GroupsSection } from './GroupsSection.tsx';

export function TerritoriesAdminPage() {
  const { t } = useTranslation(['territories', 'common']);
  usePageTitle(t('admin.title'));
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.intro')}</p>
      <GroupsSection />
      <AreasSection />
    </>
  );
}
