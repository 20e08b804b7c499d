import { Button } from 'design-react-kit';
import { useCallback, useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CaseLetter } from '../../../../src/features/case-letters/case-letters.schemas.ts';
import { ApiError } from '../../platform/api/api-client.ts';
import { fieldErrorsOf } from '../../platform/api/error-text.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { ReadabilityMeter } from '../../platform/components/ReadabilityMeter.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDateTime, formatNumber } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { caseLettersApi } from './case-letters-api.ts';

/** The letter the server holds now, when a save was refused because someone else saved first (412). */
function conflictOf(error: unknown): CaseLetter | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  return (error.body?.data as { current?: CaseLetter } | undefined)?.current ?? null;
}

/**
 * Writes a letter to the person: subject and text pre-filled from the template, the Gulpease index
 * shown while writing (warning under 60), save as draft, mark as sent (then read-only), open the PDF.
 */
export function LetterComposerPage() {
  const { id: caseId = '', letterId = '' } = useParams();
  const { t, i18n } = useTranslation('caseLetters');
  const me = useMe();
  const [letter, setLetter] = useState<CaseLetter | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'send' | null>(null);
  const errors = fieldErrorsOf(failure, i18n.language);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(letter ? t('composer.title', { subject: letter.subject }) : t('title'));

  const show = useCallback((next: CaseLetter) => {
    setLetter(next);
    setSubject(next.subject);
    setBody(next.body);
  }, []);
  const load = useCallback(() => {
    setLoadFailure(null);
    void caseLettersApi.get(caseId, letterId).then(show, setLoadFailure);
  }, [caseId, letterId, show]);
  useEffect(load, [load]);

  if (loadFailure) return <ErrorAlert error={loadFailure} />;
  if (!letter) return <Loading />;
  const editable = letter.status === 'draft' && can(me, permissions.caseWrite);
  const dirty = subject !== letter.subject || body !== letter.body;
  const conflict = conflictOf(failure);

  // The page stays after a save (unlike forms that move on), so it keeps its own busy state.
  const run = async (kind: 'save' | 'send', call: () => Promise<CaseLetter>, done: string) => {
    setNotice('');
    setFailure(null);
    setBusy(kind);
    try {
      show(await call());
      setNotice(done);
      if (kind === 'send') heading.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('save', () => caseLettersApi.update(caseId, letterId, { subject, body, version: letter.version }), t('composer.saved'));
  };
  const send = () => { void run('send', () => caseLettersApi.send(caseId, letterId, letter.version), t('composer.sentNotice')); };

  return (
    <>
      <p><Link to={`/cases/${encodeURIComponent(caseId)}`}>{t('composer.back')}</Link></p>
      <h1 tabIndex={-1} ref={heading} data-testid="letter-title">{t('composer.title', { subject: letter.subject })}</h1>
      {letter.recipient ? <p>{t('composer.recipient', { name: letter.recipient.fullName })}</p> : null}
      <div aria-live="polite" data-testid="letter-notice">{notice ? <p className="text-success">{notice}</p> : null}</div>
      {letter.status === 'sent' ? (
        <>
          <p data-testid="letter-sent">
            {t('composer.sentOn', { date: formatDateTime(letter.sentAt, i18n.language), name: letter.sentBy?.displayName ?? '', index: letter.gulpeaseAtSending === null ? '—' : formatNumber(letter.gulpeaseAtSending, i18n.language) })}
          </p>
          <p className="small">{t('composer.readOnly')}</p>
          <h2 className="h5">{letter.subject}</h2>
          <div className="border rounded p-3 mb-3" style={{ whiteSpace: 'pre-wrap' }} data-testid="letter-body">{letter.body}</div>
        </>
      ) : null}
      {editable ? (
        <form onSubmit={submit} noValidate data-testid="letter-form">
          <TextField id="letter-subject" label={t('composer.subject')} value={subject} onChange={setSubject} error={errors.subject} required maxLength={200} />
          <TextAreaField id="letter-body" label={t('composer.body')} hint={t('composer.bodyHint')} value={body} onChange={setBody} error={errors.body} required rows={14} maxLength={20000} />
          {letter.language === 'it' ? <ReadabilityMeter id="letter-readability" text={body} /> : null}
          {conflict ? (
            <div className="alert alert-warning" role="alert" data-testid="letter-conflict">
              <p>{t('composer.conflict', { version: conflict.version })}</p>
              <Button color="primary" outline size="sm" type="button" onClick={() => { show(conflict); setFailure(null); }}>{t('composer.reload')}</Button>
            </div>
          ) : (
            <ErrorAlert error={failure} />
          )}
          {dirty ? <p className="small" data-testid="letter-unsaved">{t('composer.unsaved')}</p> : null}
          <Button color="primary" type="submit" disabled={busy !== null} testId="letter-save">{t('composer.save')}</Button>{' '}
          <Button color="primary" outline type="button" disabled={busy !== null || dirty} onClick={send} aria-describedby="letter-send-hint" testId="letter-send">
            {busy === 'send' ? `${t('composer.send')}…` : t('composer.send')}
          </Button>{' '}
          <span id="letter-send-hint" className="small">{t('composer.sendHint')}</span>
        </form>
      ) : null}
      <p className="mt-3">
        <a className="btn btn-outline-primary" href={caseLettersApi.pdfUrl(caseId, letterId)} target="_blank" rel="noreferrer" data-testid="letter-pdf">
          {t('composer.pdf')} <span className="visually-hidden">{t('list.newWindow')}</span>
        </a>
      </p>
    </>
  );
}
