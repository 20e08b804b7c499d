import { Alert, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIARY_KINDS } from '../../../../src/features/case-diary/case-diary.codes.ts';
import type { DiaryEntry, DiaryPage } from '../../../../src/features/case-diary/case-diary.schemas.ts';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { PagerNav } from '../../platform/components/PagerNav.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { caseDiaryApi } from './case-diary-api.ts';
import { AddDiaryDialog, CorrectDiaryDialog, DiaryHistoryDialog } from './DiaryDialogs.tsx';
import { DiaryEntryItem } from './DiaryEntryItem.tsx';

const PAGE_SIZE = 10;
type Dialog = { kind: 'add' } | { kind: 'correct'; entry: DiaryEntry } | { kind: 'history'; entry: DiaryEntry } | null;

/** The professional diary on the case page: the last entries (from the case), all of them on request. */
export function DiarySection({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation('caseDiary');
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const actions = { onCorrect: (entry: DiaryEntry) => { setDialog({ kind: 'correct', entry }); }, onHistory: (entry: DiaryEntry) => { setDialog({ kind: 'history', entry }); } };
  const saved = (message: string) => () => {
    setDialog(null);
    setNotice(message);
    setRefresh((n) => n + 1);
    onChanged();
  };
  return (
    <section aria-labelledby="diary-title" className="mt-4" data-testid="diary-section">
      <h2 id="diary-title" className="h4">{t('section.title')}</h2>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="diary-notice">{notice}</Alert> : null}</div>
      {can(me, permissions.caseWrite) ? (
        <Button color="primary" type="button" className="mb-3" onClick={() => { setDialog({ kind: 'add' }); }} testId="diary-add">{t('section.add')}</Button>
      ) : null}
      <h3 className="h5">{t('section.recent')}</h3>
      {detail.recentDiary.length === 0 ? <p data-testid="diary-empty">{t('section.empty')}</p> : null}
      <ol className="list-unstyled" data-testid="diary-recent">
        {detail.recentDiary.map((entry) => <DiaryEntryItem key={`${entry.id}-${entry.version}`} entry={entry} {...actions} />)}
      </ol>
      <Button color="secondary" outline type="button" aria-expanded={showAll} aria-controls="diary-all" onClick={() => { setShowAll(!showAll); }} testId="diary-show-all">
        {showAll ? t('section.hideAll') : t('section.showAll')}
      </Button>
      <div id="diary-all">{showAll ? <AllEntries caseId={detail.id} refresh={refresh} {...actions} /> : null}</div>
      {dialog?.kind === 'add' ? <AddDiaryDialog caseId={detail.id} authorId={me.id} onDone={saved(t('section.added'))} onCancel={() => { setDialog(null); }} /> : null}
      {dialog?.kind === 'correct' ? <CorrectDiaryDialog caseId={detail.id} entry={dialog.entry} onDone={saved(t('section.corrected'))} onCancel={() => { setDialog(null); }} /> : null}
      {dialog?.kind === 'history' ? <DiaryHistoryDialog caseId={detail.id} entry={dialog.entry} onClose={() => { setDialog(null); }} /> : null}
    </section>
  );
}

type AllProps = { caseId: string; refresh: number; onCorrect: (entry: DiaryEntry) => void; onHistory: (entry: DiaryEntry) => void };

/** Every current entry, newest first, a page at a time, optionally of one kind. */
function AllEntries({ caseId, refresh, onCorrect, onHistory }: AllProps) {
  const { t } = useTranslation(['caseDiary', 'common']);
  const [kind, setKind] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<DiaryPage | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    setFailure(null);
    void caseDiaryApi.list(caseId, { page, pageSize: PAGE_SIZE, kind: kind || undefined }).then(setData, setFailure);
  }, [caseId, page, kind, refresh]);
  return (
    <div className="mt-3" data-testid="diary-all">
      <h3 className="h5">{t('all.title')}</h3>
      <SelectField id="diary-filter-kind" label={t('all.kind')} value={kind} placeholder={t('all.anyKind')} options={DIARY_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} onChange={(value) => { setKind(value); setPage(1); }} />
      <ErrorAlert error={failure} />
      {!data && !failure ? <Loading /> : null}
      {data ? (
        <>
          <p aria-live="polite" data-testid="diary-all-count">{t('all.count', { count: data.total })}</p>
          <ol className="list-unstyled" data-testid="diary-all-list">
            {data.entries.map((entry) => <DiaryEntryItem key={`${entry.id}-${entry.version}`} entry={entry} onCorrect={onCorrect} onHistory={onHistory} />)}
          </ol>
          <PagerNav page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label={t('all.pager')} testId="diary-pager" />
        </>
      ) : null}
    </div>
  );
}
