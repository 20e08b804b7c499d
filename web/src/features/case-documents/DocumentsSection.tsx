import { Button } from 'design-react-kit';
import { useCallback, useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_CATEGORIES, DOCUMENT_EXTENSIONS } from '../../../../src/features/case-documents/case-documents.codes.ts';
import type { CaseDocument } from '../../../../src/features/case-documents/case-documents.schemas.ts';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import { useFormSave } from '../../platform/api/use-form-save.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { describedBy } from '../../platform/components/field-ids.ts';
import { FieldLabel } from '../../platform/components/FieldLabel.tsx';
import { FieldMessages } from '../../platform/components/FieldMessages.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { formatDateTime, formatNumber } from '../../platform/format.ts';
import { caseDocumentsApi } from './case-documents-api.ts';

const ACCEPT = DOCUMENT_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/** The "Documents" section of the case page: the list with downloads, the upload form, withdrawal. */
export function DocumentsSection({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation('caseDocuments');
  const me = useMe();
  const [documents, setDocuments] = useState<CaseDocument[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [withdrawing, setWithdrawing] = useState<CaseDocument | null>(null);
  // A new key gives a fresh upload form after each upload (empty fields, file input and busy state).
  const [uploads, setUploads] = useState(0);
  const writer = can(me, permissions.caseWrite);

  const load = useCallback(() => {
    void caseDocumentsApi.list(detail.id).then(setDocuments, setFailure);
  }, [detail.id]);
  useEffect(load, [load]);

  const changed = (message: string) => {
    setNotice(message);
    setWithdrawing(null);
    load();
    onChanged();
  };

  return (
    <section aria-labelledby="documents-title" className="mt-4" data-testid="case-documents">
      <h2 id="documents-title" className="h4">{t('title')}</h2>
      <p className="small">{t('about')}</p>
      <div aria-live="polite" data-testid="documents-notice">{notice ? <p className="text-success">{notice}</p> : null}</div>
      <ErrorAlert error={failure} />
      {documents === null && !failure ? <Loading /> : null}
      {documents?.length === 0 ? <p>{t('empty')}</p> : null}
      {documents?.length ? <DocumentTable caseId={detail.id} documents={documents} writer={writer} onWithdraw={setWithdrawing} /> : null}
      {withdrawing ? (
        <WithdrawForm caseId={detail.id} document={withdrawing} onDone={(d) => { changed(t('withdraw.done', { title: d.title })); }} onCancel={() => { setWithdrawing(null); }} />
      ) : null}
      {writer ? <UploadForm key={uploads} caseId={detail.id} onUploaded={(d) => { setUploads((n) => n + 1); changed(t('upload.done', { title: d.title })); }} /> : null}
    </section>
  );
}

function DocumentTable({ caseId, documents, writer, onWithdraw }: { caseId: string; documents: CaseDocument[]; writer: boolean; onWithdraw: (d: CaseDocument) => void }) {
  const { t, i18n } = useTranslation('caseDocuments');
  return (
    <DataTable caption={t('list.caption')} captionHidden size="sm" testId="documents-table">
      <thead>
        <tr>
          <th scope="col">{t('list.name')}</th>
          <th scope="col">{t('list.category')}</th>
          <th scope="col">{t('list.file')}</th>
          <th scope="col">{t('list.uploaded')}</th>
          <th scope="col">{t('list.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => (
          <tr key={d.id} data-testid="document-row">
            <td>
              {d.withdrawn ? <s>{d.title}</s> : d.title}
              {d.withdrawn ? (
                <div className="small text-muted">
                  {t('list.withdrawn', { date: formatDateTime(d.withdrawn.at, i18n.language), name: d.withdrawn.by.displayName, reason: d.withdrawn.reason })}
                </div>
              ) : null}
            </td>
            <td>{t(`categories.${d.category}`)}</td>
            <td>
              {d.originalFilename} <span className="small text-muted">({t('list.size', { size: formatNumber(Math.max(1, Math.round(d.sizeBytes / 1024)), i18n.language) })})</span>
            </td>
            <td>{t('list.uploadedBy', { date: formatDateTime(d.uploadedAt, i18n.language), name: d.uploadedBy.displayName })}</td>
            <td>
              <a href={caseDocumentsApi.contentUrl(caseId, d.id)} download aria-label={t('list.downloadLabel', { title: d.title })} data-testid="document-download">
                {t('list.download')}
              </a>
              {writer && !d.withdrawn ? (
                <Button color="link" size="sm" className="ms-2 p-0 align-baseline" aria-label={t('list.withdrawLabel', { title: d.title })} onClick={() => { onWithdraw(d); }}>
                  {t('list.withdraw')}
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** Bytes as a person reads them: "2,4 MB", "350 kB". */
function formatSize(bytes: number, language: string): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${formatNumber(Math.round(megabytes * 10) / 10, language)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} kB`;
}

function UploadForm({ caseId, onUploaded }: { caseId: string; onUploaded: (d: CaseDocument) => void }) {
  const { t, i18n } = useTranslation('caseDocuments');
  const { errors, failure, busy, showErrors, save } = useFormSave();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [maxBytes, setMaxBytes] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void caseDocumentsApi.limits().then((limits) => { setMaxBytes(limits.maxBytes); }, () => { setMaxBytes(null); });
  }, []);
  const fileHint = maxBytes === null ? undefined : t('upload.fileHint', { size: formatSize(maxBytes, i18n.language) });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      showErrors({ file: t('upload.fileRequired') });
      fileInput.current?.focus();
      return;
    }
    // Said before sending megabytes the server would refuse (it checks again: HTTP 413).
    if (maxBytes !== null && file.size > maxBytes) {
      showErrors({ file: t('upload.fileTooLarge', { size: formatSize(file.size, i18n.language), max: formatSize(maxBytes, i18n.language) }) });
      fileInput.current?.focus();
      return;
    }
    const form = new FormData();
    form.append('title', title);
    form.append('category', category);
    form.append('file', file, file.name);
    void save(async () => { onUploaded(await caseDocumentsApi.upload(caseId, form)); });
  };

  const categories = DOCUMENT_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }));
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 mt-3" aria-labelledby="document-upload-title" data-testid="document-upload">
      <h3 id="document-upload-title" className="h5">{t('upload.title')}</h3>
      <div className="form-group">
        <FieldLabel htmlFor="document-file" required>{t('upload.file')}</FieldLabel>
        <input
          ref={fileInput}
          id="document-file"
          type="file"
          accept={ACCEPT}
          className={`form-control ${errors.file ? 'is-invalid' : ''}`}
          aria-required
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={describedBy('document-file', fileHint, errors.file)}
          onChange={(event) => { setFile(event.target.files?.[0] ?? null); }}
          data-testid="document-file"
        />
        <FieldMessages id="document-file" hint={fileHint} error={errors.file} />
      </div>
      <TextField id="document-title" label={t('upload.name')} value={title} onChange={setTitle} error={errors.title} required maxLength={200} />
      <SelectField id="document-category" label={t('upload.category')} value={category} options={categories} placeholder={t('upload.choose')} onChange={setCategory} error={errors.category} required />
      <ErrorAlert error={failure} />
      <Button color="primary" type="submit" disabled={busy} testId="document-submit">{busy ? t('upload.busy') : t('upload.submit')}</Button>
    </form>
  );
}

function WithdrawForm({ caseId, document, onDone, onCancel }: { caseId: string; document: CaseDocument; onDone: (d: CaseDocument) => void; onCancel: () => void }) {
  const { t } = useTranslation('caseDocuments');
  const { errors, failure, busy, save } = useFormSave();
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, []);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(async () => { onDone(await caseDocumentsApi.withdraw(caseId, document.id, reason)); });
  };
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 mt-3" aria-labelledby="document-withdraw-title" data-testid="document-withdraw">
      <h3 id="document-withdraw-title" className="h5" tabIndex={-1} ref={heading}>{t('withdraw.title', { title: document.title })}</h3>
      <p className="small">{t('withdraw.about')}</p>
      <TextField id="document-withdraw-reason" label={t('withdraw.reason')} value={reason} onChange={setReason} error={errors.reason} required maxLength={1000} />
      <ErrorAlert error={failure} />
      <Button color="primary" type="submit" disabled={busy} testId="document-withdraw-submit">{t('withdraw.submit')}</Button>{' '}
      <Button color="secondary" outline type="button" onClick={onCancel}>{t('withdraw.cancel')}</Button>
    </form>
  );
}
