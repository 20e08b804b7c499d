import { Badge, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { AssessmentSummary } from '../../../../src/features/assessments/assessments.schemas.ts';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { useAction } from '../accesses/use-action.ts';
import { assessmentsApi } from './assessments-api.ts';
import { assessmentPath } from './paths.ts';

/** The case section "Valutazione": the versions of the assessment, newest first, and the way to the draft. */
export function AssessmentSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('assessments');
  const me = useMe();
  const navigate = useNavigate();
  const [versions, setVersions] = useState<AssessmentSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { busy, failure: createFailure, run } = useAction();
  useEffect(() => {
    void assessmentsApi.list(detail.id).then(setVersions, setFailure);
  }, [detail.id]);
  const draft = versions?.find((v) => v.status === 'draft');
  const writer = can(me, permissions.caseWrite) && detail.status !== 'closed';
  const startNew = () => {
    void run(() => assessmentsApi.create(detail.id), (created) => { void navigate(assessmentPath(detail.id, created.id, 'preliminary')); });
  };
  return (
    <section aria-labelledby="assessment-section-title" className="mb-4" data-testid="assessment-section">
      <h2 id="assessment-section-title" className="h4">{t('section.title')}</h2>
      <ErrorAlert error={failure ?? createFailure} />
      {!versions && !failure ? <Loading /> : null}
      {versions?.length === 0 ? <p>{t('section.none')}</p> : null}
      {versions && versions.length > 0 ? (
        <ul className="list-unstyled" aria-label={t('section.versions')} data-testid="assessment-versions">
          {versions.map((v) => (
            <li key={v.id} className="mb-1">
              <Link to={assessmentPath(detail.id, v.id)} aria-label={t('section.open', { number: v.number })}>{t('section.version', { number: v.number })}</Link>{' '}
              <Badge color={v.status === 'draft' ? 'warning' : 'success'}>{t(`status.${v.status}`)}</Badge>{' '}
              {t('intensity.label')}: {v.intensity ? t(`intensity.${v.intensity}`) : v.proposedIntensity ? t(`intensity.${v.proposedIntensity}`) : t('intensity.none')} ·{' '}
              <span className="text-muted">{formatDateTime(v.completedAt ?? v.updatedAt, i18n.language)} {t('section.by', { name: (v.completedBy ?? v.createdBy).displayName })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {writer && versions ? (
        draft ? (
          <Link className="btn btn-primary" to={assessmentPath(detail.id, draft.id, 'preliminary')} data-testid="assessment-continue">{t('section.continue', { number: draft.number })}</Link>
        ) : (
          <Button color="primary" type="button" disabled={busy} onClick={startNew} testId="assessment-new">{t('section.new')}</Button>
        )
      ) : null}
    </section>
  );
}
