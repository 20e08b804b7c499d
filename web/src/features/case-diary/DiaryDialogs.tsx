import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiaryEntry, DiaryHistory } from '../../../../src/features/case-diary/case-diary.schemas.ts';
import { ApiError } from '../../platform/api/api-client.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { DialogShell } from '../accesses/IntakeDialogs.tsx';
import { useAction } from '../accesses/use-action.ts';
import { caseDiaryApi } from './case-diary-api.ts';
import { DiaryEntryFields } from './DiaryEntryFields.tsx';
import { DiaryEntryBody } from './DiaryEntryItem.tsx';
import { emptyDiaryForm, entryToForm, toDiaryBody } from './diary-form-model.ts';

type Props = { caseId: string; onDone: (entry: DiaryEntry) => void; onCancel: () => void };

/** A new entry, written by the user (who is counted among its internal participants). */
export function AddDiaryDialog({ caseId, authorId, onDone, onCancel }: Props & { authorId: string }) {
  const { t, i18n } = useTranslation('caseDiary');
  const [form, setForm] = useState(emptyDiaryForm);
  const { busy, failure, run } = useAction();
  const submit = () => run(() => caseDiaryApi.add(caseId, toDiaryBody(form)), onDone);
  return (
    <DialogShell id="diary-add-dialog" title={t('add.title')} about={t('add.about')} busy={busy} failure={failure} submitLabel={t('add.submit')} onSubmit={submit} onCancel={onCancel}>
      <DiaryEntryFields caseId={caseId} form={form} onChange={setForm} errors={fieldErrorsOf(failure, i18n.language)} authorId={authorId} />
    </DialogShell>
  );
}

/**
 * A correction: the entry's fields as they are now, changed, with the reason. When somebody else saved
 * meanwhile (412) the dialog shows the current entry and takes its version, keeping what the user typed.
 */
export function CorrectDiaryDialog({ caseId, entry, onDone, onCancel }: Props & { entry: DiaryEntry }) {
  const { t, i18n } = useTranslation('caseDiary');
  const [form, setForm] = useState(() => entryToForm(entry));
  const [reason, setReason] = useState('');
  const [base, setBase] = useState(entry);
  const { busy, failure, run } = useAction();
  const current = failure instanceof ApiError && failure.status === 412 ? (failure.body?.data as { current?: DiaryEntry } | undefined)?.current : undefined;
  useEffect(() => {
    if (current) setBase(current);
  }, [current]);
  const submit = () => run(() => caseDiaryApi.correct(caseId, entry.id, { ...toDiaryBody(form), version: base.version, reason }), onDone);
  const errors = fieldErrorsOf(failure, i18n.language);
  return (
    <DialogShell id="diary-correct-dialog" title={t('correct.title')} about={t('correct.about')} busy={busy} failure={failure} submitLabel={t('correct.submit')} onSubmit={submit} onCancel={onCancel}>
      {current ? (
        <div className="border rounded p-3 mb-3" data-testid="diary-conflict-current">
          <p className="fw-semibold mb-1">{t('correct.currentTitle', { version: current.version })}</p>
          <DiaryEntryBody entry={current} />
        </div>
      ) : null}
      <DiaryEntryFields caseId={caseId} form={form} onChange={setForm} errors={errors} authorId={entry.author.id} />
      <TextAreaField id="diary-reason" label={t('correct.reason')} hint={t('correct.reasonHint')} required value={reason} onChange={setReason} error={errors.reason} maxLength={2000} rows={2} />
    </DialogShell>
  );
}

/** Every version of an entry, newest first, for the case owner and the service manager. */
export function DiaryHistoryDialog({ caseId, entry, onClose }: { caseId: string; entry: DiaryEntry; onClose: () => void }) {
  const { t, i18n } = useTranslation(['caseDiary', 'common']);
  const [history, setHistory] = useState<DiaryHistory | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    void caseDiaryApi.history(caseId, entry.id).then(setHistory, setFailure);
  }, [caseId, entry.id]);
  return (
    <Modal isOpen toggle={onClose} labelledBy="diary-history-title" returnFocusAfterClose data-testid="diary-history-dialog" size="lg">
      <ModalHeader id="diary-history-title" tag="h2" toggle={onClose} closeAriaLabel={t('common:actions.close')}>{t('history.title')}</ModalHeader>
      <ModalBody>
        <ErrorAlert error={failure} />
        {!history && !failure ? <Loading /> : null}
        {history ? (
          <ol className="list-unstyled" data-testid="diary-history-versions">
            {history.versions.map((v) => (
              <li key={v.version} className="border-start border-3 ps-3 pb-3" data-testid="diary-history-version">
                <h3 className="h6 mb-1">
                  {t('history.version', { version: v.version })} · {t('history.savedBy', { name: v.savedBy.displayName, at: formatDateTime(v.savedAt, i18n.language) })}
                </h3>
                {v.correctionReason ? <p className="mb-1"><strong>{t('history.reason')}</strong> {v.correctionReason}</p> : <p className="mb-1 text-muted">{t('history.first')}</p>}
                <DiaryEntryBody entry={v} />
              </li>
            ))}
          </ol>
        ) : null}
      </ModalBody>
      <ModalFooter>
        <Button color="secondary" outline type="button" onClick={onClose}>{t('common:actions.close')}</Button>
      </ModalFooter>
    </Modal>
  );
}
