import { Alert, Button } from 'design-react-kit';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CSV_COLUMNS_TEXT, SERVICE_KINDS, SERVICE_UNITS } from '../../../../src/features/catalogue/catalogue.codes.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { FieldLabel } from '../../platform/components/FieldLabel.tsx';
import { FieldMessages } from '../../platform/components/FieldMessages.tsx';
import { describedBy } from '../../platform/components/field-ids.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import type { ImportResult } from './catalogue-api.ts';
import { readCsvFile, rowErrorsOf, sendCsvFile, type RowError } from './import-file.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { useCatalogueReference } from './use-catalogue-reference.ts';

type Stage = { step: 'reading' | 'uploading'; fraction: number } | { step: 'checking' } | null;

/** Upload of a catalogue CSV: read and upload progress, then the counts or every bad line. */
export function ImportPage() {
  const { t, i18n } = useTranslation(['catalogue', 'common']);
  const reference = useCatalogueReference();
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<number | null>(null);
  const [stage, setStage] = useState<Stage>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState('');
  const outcomeRef = useRef<HTMLDivElement>(null);
  const english = i18n.language.startsWith('en');
  usePageTitle(t('import.title'));

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setRows(null);
    setResult(null);
    setRowErrors(null);
    setFailure(null);
    setFieldError('');
    if (!chosen) return;
    setStage({ step: 'reading', fraction: 0 });
    try {
      setRows(await readCsvFile(chosen, (fraction) => { setStage({ step: 'reading', fraction }); }));
    } catch (error) {
      setFailure(error);
    } finally {
      setStage(null);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) {
      setFieldError(t('import.fileRequired'));
      document.getElementById('import-file')?.focus();
      return;
    }
    setResult(null);
    setRowErrors(null);
    setFailure(null);
    setStage({ step: 'uploading', fraction: 0 });
    try {
      setResult(
        await sendCsvFile(file, dryRun, (fraction) => {
          setStage(fraction >= 1 ? { step: 'checking' } : { step: 'uploading', fraction });
        }),
      );
    } catch (error) {
      const lines = rowErrorsOf(error);
      setRowErrors(lines);
      setFailure(error);
    } finally {
      setStage(null);
      requestAnimationFrame(() => outcomeRef.current?.focus());
    }
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(false);
  };

  const percent = stage && 'fraction' in stage ? Math.round(stage.fraction * 100) : 0;
  return (
    <>
      <p className="mb-1"><Link to="/catalogue">{t('import.back')}</Link></p>
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <section aria-labelledby="import-format-title" className="mb-4">
        <h2 id="import-format-title" className="h5">{t('import.formatTitle')}</h2>
        <p className="mb-1">{t('import.formatText')}</p>
        <pre className="bg-light p-2" data-testid="import-header"><code>{CSV_COLUMNS_TEXT}</code></pre>
        <p>{t('import.formatCodes')}</p>
        <dl className="small">
          <dt>{t('import.kindsLabel')}</dt>
          <dd>{SERVICE_KINDS.map((k) => `${k} (${t(`kinds.${k}`)})`).join(', ')}</dd>
          <dt>{t('import.unitsLabel')}</dt>
          <dd>{SERVICE_UNITS.map((u) => `${u} (${t(`units.${u}`)})`).join(', ')}</dd>
          <dt>{t('import.areasLabel')}</dt>
          <dd>{reference.needAreaOptions.map((a) => `${a.value} (${a.label})`).join(', ')}</dd>
        </dl>
      </section>
      <form onSubmit={submit} noValidate aria-label={t('import.title')}>
        <div className="form-group">
          <FieldLabel htmlFor="import-file" required>{t('import.file')}</FieldLabel>
          <input id="import-file" type="file" accept=".csv,text/csv,text/plain" className="form-control" data-testid="import-file"
            aria-describedby={describedBy('import-file', t('import.fileHint'), fieldError)} aria-invalid={fieldError ? true : undefined} aria-required
            onChange={(event) => void choose(event.target.files?.[0] ?? null)} />
          <FieldMessages id="import-file" hint={t('import.fileHint')} error={fieldError || undefined} />
        </div>
        {file && rows !== null ? <p data-testid="import-file-info">{t('import.fileInfo', { name: file.name, rows })}</p> : null}
        {stage?.step === 'reading' ? <ProgressBar label={t('import.reading', { percent })} fraction={stage.fraction} testId="import-progress" /> : null}
        {stage?.step === 'uploading' ? <ProgressBar label={t('import.uploading', { percent })} fraction={stage.fraction} testId="import-progress" /> : null}
        {stage?.step === 'checking' ? <ProgressBar label={t('import.checking')} fraction={null} testId="import-progress" /> : null}
        <div className="d-flex flex-wrap gap-2 mt-2">
          <Button color="primary" outline type="button" disabled={stage !== null} onClick={() => void run(true)} testId="import-dry-run">{t('import.dryRun')}</Button>
          <Button color="primary" type="submit" disabled={stage !== null} testId="import-run">{t('import.run')}</Button>
        </div>
      </form>
      <div ref={outcomeRef} tabIndex={-1} className="mt-4" aria-live="polite">
        {result ? (
          <Alert color="success" fade={false} testId="import-result">
            {t(result.dryRun ? 'import.dryRunResult' : 'import.result', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
          </Alert>
        ) : null}
        <ErrorAlert error={failure} testId="import-error" />
      </div>
      {rowErrors?.length ? (
        <section aria-labelledby="import-errors-title">
          <h2 id="import-errors-title" className="h5">{t('import.errorsTitle')}</h2>
          <DataTable caption={t('import.errorsCaption')} captionHidden size="sm" testId="import-errors">
            <thead>
              <tr><th scope="col">{t('import.line')}</th><th scope="col">{t('import.reason')}</th></tr>
            </thead>
            <tbody>
              {rowErrors.map((e, index) => (
                <tr key={`${e.line}-${index}`}>
                  <th scope="row">{e.line}</th>
                  <td>{(english ? e.messageEn : e.message).replace(/^(Riga|Line) \d+: /, '')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
    </>
  );
}
