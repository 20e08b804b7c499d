import { Alert, Button } from 'design-react-kit';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { INTENSITIES, PRELIMINARY_HEADINGS, type Intensity } from '../../../../src/features/assessments/assessments.codes.ts';
import type { AssessedDimension, Assessment, Preliminary, Sina } from '../../../../src/features/assessments/assessments.schemas.ts';
import { proposeIntensity } from '../../../../src/features/assessments/intensity.ts';
import { ApiError } from '../../platform/api/api-client.ts';
import { useFormSave } from '../../platform/api/use-form-save.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { assessmentsApi } from './assessments-api.ts';
import { DimensionFieldset } from './DimensionFieldset.tsx';
import { assessmentPath } from './paths.ts';
import { SinaFieldset } from './SinaFieldset.tsx';

type Part = 'preliminary' | 'in-depth';

interface Draft {
  preliminary: Preliminary;
  dimensions: AssessedDimension[];
  sinaOn: boolean;
  sina: Sina;
  intensity: Intensity | '';
  reason: string;
}

const draftOf = (a: Assessment): Draft => ({
  preliminary: a.preliminary,
  dimensions: a.dimensions,
  sinaOn: a.sina !== null,
  sina: a.sina ?? {},
  intensity: a.intensity ?? '',
  reason: a.intensityReason ?? '',
});

/** The draft of an assessment version, in two pages: the preliminary analysis and the in-depth assessment. */
export function AssessmentEditPage({ part }: { part: Part }) {
  const { id: caseId = '', assessmentId = '' } = useParams();
  const { t } = useTranslation('assessments');
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [conflict, setConflict] = useState<unknown>(null);
  const number = assessment?.number ?? 0;
  usePageTitle(t(part === 'preliminary' ? 'edit.titlePreliminary' : 'edit.titleInDepth', { number }));

  useEffect(() => {
    void assessmentsApi.get(caseId, assessmentId).then(setAssessment, setLoadFailure);
  }, [caseId, assessmentId]);

  if (loadFailure) return <ErrorAlert error={loadFailure} />;
  if (!assessment) return <Loading />;
  if (assessment.status === 'completed') {
    return <p><Link to={assessmentPath(caseId, assessment.id)}>{t('section.open', { number })}</Link></p>;
  }
  return (
    <>
      <h1>{t(part === 'preliminary' ? 'edit.titlePreliminary' : 'edit.titleInDepth', { number })}</h1>
      <p><Link to={`/cases/${encodeURIComponent(caseId)}`}>{t('edit.back')}</Link></p>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="assessment-notice">{notice}</Alert> : null}</div>
      <ErrorAlert error={conflict} testId="assessment-conflict" />
      {/* A new form per saved version: its state starts from what the server holds now. */}
      <DraftForm
        key={assessment.version}
        caseId={caseId}
        assessment={assessment}
        part={part}
        onChange={() => { setNotice(''); }}
        onSaved={(saved) => { setConflict(null); setAssessment(saved); setNotice(t('edit.saved')); }}
        onConflict={(error, current) => { setConflict(error); setNotice(''); setAssessment(current); }}
      />
    </>
  );
}

/** Someone else saved the draft meanwhile (412): the page shows the current version with the message. */
function conflictOf(error: unknown): Assessment | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const data = error.body?.data as { current?: Assessment } | undefined;
  return data?.current ?? null;
}

function DraftForm(props: { caseId: string; assessment: Assessment; part: Part; onChange: () => void; onSaved: (saved: Assessment) => void; onConflict: (error: unknown, current: Assessment) => void }) {
  const { caseId, assessment, part, onChange, onSaved, onConflict } = props;
  const { t } = useTranslation('assessments');
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(assessment));
  // The version the server holds now: a save followed by a refused completion must not leave it stale.
  const version = useRef(assessment.version);
  const { errors, failure, busy, save } = useFormSave();
  const proposed = proposeIntensity(draft.dimensions);
  const set = (patch: Partial<Draft>) => { onChange(); setDraft({ ...draft, ...patch }); };
  const persist = async (): Promise<Assessment> => {
    const saved = await assessmentsApi.save(caseId, assessment.id, {
      version: version.current,
      preliminary: draft.preliminary,
      dimensions: draft.dimensions.map((d) => ({ code: d.code, score: d.score, notes: d.notes })),
      sina: draft.sinaOn ? draft.sina : null,
      intensity: draft.intensity || null,
      intensityReason: draft.intensity && draft.intensity !== proposed ? draft.reason : null,
    });
    version.current = saved.version;
    return saved;
  };
  const guarded = (send: () => Promise<void>) =>
    save(async () => {
      try {
        await send();
      } catch (error) {
        const current = conflictOf(error);
        if (!current) throw error;
        onConflict(error, current);
      }
    });
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void guarded(async () => { onSaved(await persist()); });
  };
  const goTo = (next: Part) => { void guarded(async () => { await persist(); void navigate(assessmentPath(caseId, assessment.id, next)); }); };
  const complete = () => {
    void guarded(async () => {
      const saved = await persist();
      await assessmentsApi.complete(caseId, saved.id, saved.version);
      void navigate(assessmentPath(caseId, saved.id));
    });
  };
  const intensityName = (value: Intensity | null) => (value ? t(`intensity.${value}`) : t('intensity.none'));

  return (
    <>
      <form onSubmit={submit} noValidate data-testid={`assessment-${part}-form`}>
        <ErrorAlert error={failure} testId="assessment-error" />
        {part === 'preliminary' ? (
          <>
            {PRELIMINARY_HEADINGS.map((heading) => (
              <TextAreaField
                key={heading}
                id={`preliminary-${heading}`}
                label={t(`preliminary.${heading}`)}
                value={draft.preliminary[heading]}
                onChange={(value) => { set({ preliminary: { ...draft.preliminary, [heading]: value } }); }}
                error={errors[`preliminary.${heading}`]}
                rows={3}
                maxLength={8000}
              />
            ))}
            <CheckboxField id="preliminary-inDepthNeeded" label={t('preliminary.inDepthNeeded')} checked={draft.preliminary.inDepthNeeded} onChange={(inDepthNeeded) => { set({ preliminary: { ...draft.preliminary, inDepthNeeded } }); }} />
            <div className="d-flex flex-wrap gap-2 mt-3">
              <Button color="primary" type="submit" disabled={busy} testId="assessment-save">{t('edit.save')}</Button>
              <Button color="secondary" outline type="button" disabled={busy} onClick={() => { goTo('in-depth'); }} testId="assessment-to-in-depth">{t('edit.toInDepth')}</Button>
            </div>
          </>
        ) : (
          <>
            {!draft.preliminary.inDepthNeeded ? <p>{t('inDepth.notNeeded')}</p> : null}
            {draft.dimensions.map((d, index) => (
              <DimensionFieldset
                key={d.code}
                dimension={d}
                error={errors[`dimensions.${d.code}`]}
                onChange={(next) => { set({ dimensions: draft.dimensions.map((x, i) => (i === index ? next : x)) }); }}
              />
            ))}
            {errors.dimensions ? <p className="text-danger">{errors.dimensions}</p> : null}
            <CheckboxField id="sina-include" label={t('sina.include')} checked={draft.sinaOn} onChange={(sinaOn) => { set({ sinaOn }); }} />
            {draft.sinaOn ? <SinaFieldset sina={draft.sina} errors={errors} onChange={(sina) => { set({ sina }); }} /> : null}
            <section aria-labelledby="intensity-title" className="border rounded p-3 my-4">
              <h2 id="intensity-title" className="h5">{t('intensity.label')}</h2>
              <p aria-live="polite" data-testid="assessment-proposed"><strong>{t('intensity.proposed', { value: intensityName(proposed) })}</strong></p>
              <p className="small">{t('intensity.rule')}</p>
              <SelectField
                id="assessment-intensity"
                label={t('intensity.chosen')}
                value={draft.intensity}
                placeholder={t('intensity.sameAsProposed')}
                options={INTENSITIES.map((value) => ({ value, label: t(`intensity.${value}`) }))}
                onChange={(value) => { set({ intensity: value as Intensity | '' }); }}
              />
              {draft.intensity && draft.intensity !== proposed ? (
                <TextAreaField id="assessment-intensityReason" label={t('intensity.reason')} required value={draft.reason} onChange={(reason) => { set({ reason }); }} error={errors.intensityReason} rows={2} />
              ) : null}
            </section>
            <p className="small">{t('edit.completeHint')}</p>
            <div className="d-flex flex-wrap gap-2">
              <Button color="primary" type="submit" disabled={busy} testId="assessment-save">{t('edit.save')}</Button>
              <Button color="success" type="button" disabled={busy} onClick={complete} testId="assessment-complete">{t('edit.complete')}</Button>
              <Button color="secondary" outline type="button" disabled={busy} onClick={() => { goTo('preliminary'); }}>{t('edit.toPreliminary')}</Button>
            </div>
          </>
        )}
      </form>
    </>
  );
}
