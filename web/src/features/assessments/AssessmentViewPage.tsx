import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PRELIMINARY_HEADINGS, SINA_FIELD_NAMES } from '../../../../src/features/assessments/assessments.codes.ts';
import type { Assessment } from '../../../../src/features/assessments/assessments.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { assessmentsApi } from './assessments-api.ts';
import { assessmentPath, casePath } from './paths.ts';
import { sinaLabel, useSinaOptions } from './SinaFieldset.tsx';

/** One version of the assessment, read-only (any version, draft or completed). */
export function AssessmentViewPage() {
  const { id: caseId = '', assessmentId = '' } = useParams();
  const { t, i18n } = useTranslation('assessments');
  const english = i18n.language.startsWith('en');
  const me = useMe();
  const [a, setA] = useState<Assessment | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { options } = useSinaOptions();
  const title = a ? t('view.title', { number: a.number, status: t(`status.${a.status}`) }) : t('section.title');
  usePageTitle(title);
  useEffect(() => {
    void assessmentsApi.get(caseId, assessmentId).then(setA, setFailure);
  }, [caseId, assessmentId]);
  if (failure) return <ErrorAlert error={failure} />;
  if (!a) return <Loading />;
  const text = (value: string) => value || t('view.empty');
  return (
    <>
      <h1 data-testid="assessment-title">{title}</h1>
      <p><Link to={casePath(caseId)}>{t('edit.back')}</Link></p>
      <p className="small text-muted">
        {t('view.createdBy', { date: formatDateTime(a.createdAt, i18n.language), name: a.createdBy.displayName })}
        {a.completedAt && a.completedBy ? ` · ${t('view.completedBy', { date: formatDateTime(a.completedAt, i18n.language), name: a.completedBy.displayName })}` : ''}
      </p>
      {a.status === 'draft' && can(me, permissions.caseWrite) ? <p><Link className="btn btn-primary" to={assessmentPath(caseId, a.id, 'preliminary')}>{t('view.edit')}</Link></p> : null}
      <h2 className="h4">{t('preliminary.title')}</h2>
      <dl className="row">
        {PRELIMINARY_HEADINGS.map((h) => (
          <Fragment key={h}>
            <dt className="col-sm-3">{t(`preliminary.${h}`)}</dt>
            <dd className="col-sm-9" style={{ whiteSpace: 'pre-wrap' }}>{text(a.preliminary[h])}</dd>
          </Fragment>
        ))}
      </dl>
      <h2 className="h4">{t('inDepth.title')}</h2>
      {!a.preliminary.inDepthNeeded ? <p>{t('inDepth.notNeeded')}</p> : null}
      <ul className="list-unstyled" data-testid="assessment-dimensions">
        {a.dimensions.map((d) => {
          const label = d.levelLabels.find((l) => l.value === d.score);
          return (
            <li key={d.code} className="mb-2">
              <strong>{english ? d.nameEn : d.nameIt}</strong>: {d.score === null ? t('view.notScored') : `${String(d.score)}/${String(d.scaleMax)}${label ? ` — ${english ? label.en : label.it}` : ''}`}
              {d.notes ? <div className="small" style={{ whiteSpace: 'pre-wrap' }}>{d.notes}</div> : null}
            </li>
          );
        })}
      </ul>
      <p data-testid="assessment-intensity">
        <strong>{t('intensity.label')}:</strong> {a.intensity ? t(`intensity.${a.intensity}`) : t('intensity.none')} ({t('intensity.proposed', { value: a.proposedIntensity ? t(`intensity.${a.proposedIntensity}`) : t('intensity.none') })})
        {a.intensityReason ? <> — {a.intensityReason}</> : null}
      </p>
      {a.sina ? (
        <>
          <h2 className="h4">{t('sina.title')}</h2>
          <dl className="row" data-testid="assessment-sina">
            {SINA_FIELD_NAMES.map((field) => {
              const value = a.sina?.[field];
              const codes = Array.isArray(value) ? value : value ? [value] : [];
              return (
                <Fragment key={field}>
                  <dt className="col-sm-4">{t(`sina.fields.${field}`)}</dt>
                  <dd className="col-sm-8">{codes.map((code) => sinaLabel(options, field, code, english)).join('; ') || t('view.empty')}</dd>
                </Fragment>
              );
            })}
            <dt className="col-sm-4">{t('sina.date')}</dt>
            <dd className="col-sm-8">{a.sina.DataValutazione ? formatDate(a.sina.DataValutazione, i18n.language) : t('view.empty')}</dd>
          </dl>
        </>
      ) : null}
    </>
  );
}
