import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentDimension } from '../../../../src/features/case-settings/case-settings.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { caseSettingsApi } from './case-settings-api.ts';
import { DimensionForm } from './DimensionForm.tsx';

/** The dimensions of the multidimensional assessment, each with its scale and level labels. */
export function DimensionsSection() {
  const { t, i18n } = useTranslation(['caseSettings', 'common']);
  const [dimensions, setDimensions] = useState<AssessmentDimension[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [editing, setEditing] = useState<AssessmentDimension | 'new' | null>(null);
  const english = i18n.language.startsWith('en');

  const load = useCallback(() => {
    void caseSettingsApi.dimensions().then(setDimensions, setFailure);
  }, []);
  useEffect(load, [load]);
  const done = (saved: boolean) => {
    setEditing(null);
    if (saved) load();
  };

  return (
    <section aria-labelledby="dimensions-title" className="mb-5">
      <h2 id="dimensions-title" className="h4">{t('dimensions.title')}</h2>
      <p>{t('dimensions.intro')}</p>
      <ErrorAlert error={failure} />
      {!dimensions && !failure ? <Loading /> : null}
      {dimensions ? (
        <DataTable caption={t('dimensions.title')} captionHidden size="sm" testId="dimensions">
          <thead>
            <tr>
              <th scope="col">{t('dimensions.name')}</th>
              <th scope="col">{t('dimensions.scale')}</th>
              <th scope="col">{t('dimensions.labels')}</th>
              <th scope="col">{t('dimensions.active')}</th>
              <th scope="col"><span className="visually-hidden">{t('common:actions.edit')}</span></th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => (
              <tr key={d.id} data-testid="dimension-row">
                <th scope="row">{english ? d.nameEn : d.nameIt} <span className="text-muted small">({d.code})</span></th>
                <td>{d.scaleMin}–{d.scaleMax}</td>
                <td className="small">{d.levelLabels.map((l) => `${String(l.value)} ${english ? l.en : l.it}`).join('; ') || '—'}</td>
                <td>{d.isActive ? t('dimensions.yes') : t('dimensions.no')}</td>
                <td>
                  <Button color="primary" outline size="sm" onClick={() => { setEditing(d); }} aria-label={t('dimensions.edit', { name: english ? d.nameEn : d.nameIt })} testId={`dimension-${d.code}-edit`}>
                    {t('common:actions.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {editing === null ? (
        <Button color="primary" size="sm" onClick={() => { setEditing('new'); }} testId="new-dimension-open">{t('dimensions.new')}</Button>
      ) : (
        <DimensionForm key={editing === 'new' ? 'new' : editing.id} {...(editing === 'new' ? {} : { dimension: editing })} onDone={done} />
      )}
    </section>
  );
}
