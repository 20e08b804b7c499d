import { Badge, Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { WORKLIST_SECTIONS, type WorklistSection } from '../../../../src/features/worklist/worklist.codes.ts';
import type { WorklistPage as Page, WorklistSummary } from '../../../../src/features/worklist/worklist.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { PagerNav } from '../../platform/components/PagerNav.tsx';
import { formatDate } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { casePath } from '../cases/case-format.ts';
import { WORKLIST_CHANGED, worklistApi } from './worklist-api.ts';

const PAGE_SIZE = 20;

/** The worklist: reviews past due, cases without activity, procedure deadlines — one tab each. */
export function WorklistPage() {
  const { t } = useTranslation('worklist');
  usePageTitle(t('title'));
  const [section, setSection] = useState<WorklistSection>('review');
  const [summary, setSummary] = useState<WorklistSummary | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const readSummary = useCallback(() => { void worklistApi.summary().then(setSummary, setFailure); }, []);
  useEffect(readSummary, [readSummary]);
  const markSeen = () => {
    void worklistApi.markSeen().then((next) => {
      setSummary(next);
      window.dispatchEvent(new Event(WORKLIST_CHANGED));
    }, setFailure);
  };
  const count = (n: number) => (summary && n >= summary.cap ? `${summary.cap - 1}+` : String(n));
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('about')}</p>
      <ErrorAlert error={failure} />
      {summary ? (
        <p data-testid="worklist-summary">
          {t('summary', { total: count(summary.total), unseen: count(summary.unseen) })}{' '}
          <Button color="secondary" outline size="xs" type="button" onClick={markSeen} disabled={summary.unseen === 0} testId="worklist-mark-seen">{t('markSeen')}</Button>
        </p>
      ) : null}
      <div role="tablist" aria-label={t('tabsLabel')} className="nav nav-tabs mb-3">
        {WORKLIST_SECTIONS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`worklist-tab-${key}`}
            aria-selected={section === key}
            aria-controls="worklist-panel"
            tabIndex={section === key ? 0 : -1}
            className={`nav-link ${section === key ? 'active' : ''}`}
            data-testid={`worklist-tab-${key}`}
            onClick={() => { setSection(key); }}
            onKeyDown={(event) => {
              const index = WORKLIST_SECTIONS.indexOf(key);
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              const next = WORKLIST_SECTIONS[(index + step + WORKLIST_SECTIONS.length) % WORKLIST_SECTIONS.length]!;
              setSection(next);
              document.getElementById(`worklist-tab-${next}`)?.focus();
            }}
          >
            {t(`section.${key}`)} {summary ? <Badge color="light" className="text-dark">{count(summary[key])}</Badge> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="worklist-panel" aria-labelledby={`worklist-tab-${section}`}>
        <SectionTable key={section} section={section} />
      </div>
    </>
  );
}

function SectionTable({ section }: { section: WorklistSection }) {
  const { t, i18n } = useTranslation('worklist');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    setData(null);
    void worklistApi.page(section, (page - 1) * PAGE_SIZE, PAGE_SIZE).then(setData, setFailure);
  }, [section, page]);
  if (failure) return <ErrorAlert error={failure} />;
  if (!data) return <Loading />;
  if (data.items.length === 0) return <p data-testid="worklist-empty">{t('empty')}</p>;
  const date = (iso: string) => formatDate(iso, i18n.language);
  return (
    <>
      {section === 'inactive' ? <p className="small">{t('inactiveAbout', { count: data.inactivityDays })}</p> : null}
      {section === 'procedures' ? <p className="small">{t('proceduresAbout', { count: data.nearDeadlineDays })}</p> : null}
      <DataTable caption={t(`section.${section}`)} captionHidden size="sm" testId={`worklist-${section}`}>
        <thead>
          <tr>
            <th scope="col">{t('col.case')}</th>
            <th scope="col">{t('col.beneficiary')}</th>
            <th scope="col">{t('col.owner')}</th>
            {section === 'procedures' ? <th scope="col">{t('col.procedure')}</th> : null}
            <th scope="col">{t(`col.date.${section}`)}</th>
            <th scope="col">{t('col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => (
            <tr key={`${item.caseId}-${item.procedure?.id ?? ''}`} data-testid="worklist-row">
              <th scope="row"><Link to={casePath(item.caseId)}>{item.reference}</Link> {item.isNew ? <Badge color="primary">{t('new')}</Badge> : null}</th>
              <td>{item.beneficiary ?? '—'}</td>
              <td>{item.owner.displayName}</td>
              {section === 'procedures' ? <td>{item.procedure?.typeName}: {item.procedure?.subject}</td> : null}
              <td>{date(item.date)}</td>
              <td><DaysText section={section} days={item.days} /></td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <PagerNav page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} testId="worklist-pager" />
    </>
  );
}

function DaysText({ section, days }: { section: WorklistSection; days: number }) {
  const { t } = useTranslation('worklist');
  if (section === 'review') return <Badge color="danger">{t('days.lateReview', { count: days })}</Badge>;
  if (section === 'inactive') return <Badge color="warning">{t('days.inactive', { count: days })}</Badge>;
  return days < 0 ? <Badge color="danger">{t('days.overdue', { count: -days })}</Badge> : <Badge color="warning">{t('days.remaining', { count: days })}</Badge>;
}
