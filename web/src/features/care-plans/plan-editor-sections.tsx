import { Button } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_WHO_KINDS, TASK_WHO_KINDS, type CommitmentWhoKind, type TaskWhoKind } from '../../../../src/features/care-plans/care-plans.codes.ts';
import type { PlanOptions } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { newKey, type PlanDraft } from './plan-draft.ts';

export type SectionProps = { draft: PlanDraft; set: (patch: Partial<PlanDraft>) => void; errors: Record<string, string> };

/** A list's item replaced by a patched copy. */
export function patch<T>(list: T[], index: number, change: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...change } : item));
}
export const without = <T,>(list: T[], index: number): T[] => list.filter((_, i) => i !== index);

/** One item of a section: a fieldset with its legend and a remove button named after it. */
export function ItemBox({ id, legend, removeLabel, onRemove, children }: { id: string; legend: string; removeLabel: string; onRemove: () => void; children: ReactNode }) {
  return (
    <fieldset className="border rounded p-3 mb-3" data-testid={id}>
      <legend className="h6 float-none w-auto px-1">{legend}</legend>
      {children}
      <Button color="danger" outline size="sm" type="button" onClick={onRemove} testId={`${id}-remove`}>{removeLabel}</Button>
    </fieldset>
  );
}

/** A section of the editor: heading, its items, an "add" button. */
export function EditorSection({ id, title, about, addLabel, onAdd, children }: { id: string; title: string; about?: string; addLabel: string; onAdd: () => void; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="mb-4" data-testid={id}>
      <h2 id={`${id}-title`} className="h4">{title}</h2>
      {about ? <p className="small">{about}</p> : null}
      {children}
      <Button color="primary" outline size="sm" type="button" onClick={onAdd} testId={`${id}-add`}>{addLabel}</Button>
    </section>
  );
}

export function ObjectivesEditor({ draft, set, errors }: SectionProps) {
  const { t } = useTranslation('carePlans');
  const objectives = draft.objectives;
  return (
    <EditorSection id="plan-objectives" title={t('editor.objectives')} about={t('editor.objectivesAbout')} addLabel={t('editor.addObjective')} onAdd={() => { set({ objectives: [...objectives, { key: newKey(), description: '', shared: false, results: [] }] }); }}>
      {objectives.map((o, i) => {
        const id = `plan-objective-${String(i)}`;
        const n = i + 1;
        return (
          <ItemBox key={o.key} id={id} legend={t('editor.objectiveN', { n })} removeLabel={t('editor.removeObjective', { n })} onRemove={() => { set({ objectives: without(objectives, i) }); }}>
            <TextAreaField id={`${id}-description`} label={t('editor.objectiveDescription')} required value={o.description} onChange={(description) => { set({ objectives: patch(objectives, i, { description }) }); }} error={errors[`objectives.${String(i)}.description`]} maxLength={2000} rows={2} />
            <CheckboxField id={`${id}-shared`} label={t('editor.sharedWithProviders')} checked={o.shared} onChange={(shared) => { set({ objectives: patch(objectives, i, { shared }) }); }} />
            {o.results.map((r, j) => {
              const rid = `${id}-result-${String(j)}`;
              const results = (next: typeof o.results) => { set({ objectives: patch(objectives, i, { results: next }) }); };
              const path = `objectives.${String(i)}.results.${String(j)}`;
              return (
                <ItemBox key={r.key} id={rid} legend={t('editor.resultN', { n, m: j + 1 })} removeLabel={t('editor.removeResult', { n, m: j + 1 })} onRemove={() => { results(without(o.results, j)); }}>
                  <TextField id={`${rid}-description`} label={t('editor.resultDescription')} required value={r.description} onChange={(description) => { results(patch(o.results, j, { description })); }} error={errors[`${path}.description`]} maxLength={1000} />
                  <div className="row">
                    <TextField id={`${rid}-indicator`} className="col-md-8" label={t('editor.indicator')} hint={t('editor.indicatorHint')} required value={r.indicator} onChange={(indicator) => { results(patch(o.results, j, { indicator })); }} error={errors[`${path}.indicator`]} maxLength={1000} />
                    <TextField id={`${rid}-target`} className="col-md-4" label={t('editor.targetDate')} type="date" value={r.targetDate} onChange={(targetDate) => { results(patch(o.results, j, { targetDate })); }} error={errors[`${path}.targetDate`]} />
                  </div>
                </ItemBox>
              );
            })}
            <p>
              <Button color="secondary" outline size="sm" type="button" testId={`${id}-add-result`} onClick={() => { set({ objectives: patch(objectives, i, { results: [...o.results, { key: newKey(), description: '', indicator: '', targetDate: '' }] }) }); }}>
                {t('editor.addResult', { n })}
              </Button>
            </p>
          </ItemBox>
        );
      })}
    </EditorSection>
  );
}

export function CommitmentsEditor({ draft, set, errors, options }: SectionProps & { options: PlanOptions }) {
  const { t } = useTranslation('carePlans');
  const list = draft.commitments;
  return (
    <EditorSection id="plan-commitments" title={t('editor.commitments')} about={t('editor.commitmentsAbout')} addLabel={t('editor.addCommitment')} onAdd={() => { set({ commitments: [...list, { key: newKey(), whoKind: 'person', personId: options.persons[0]?.personId ?? '', whoName: '', commitment: '' }] }); }}>
      {list.map((c, i) => {
        const id = `plan-commitment-${String(i)}`;
        const n = i + 1;
        return (
          <ItemBox key={c.key} id={id} legend={t('editor.commitmentN', { n })} removeLabel={t('editor.removeCommitment', { n })} onRemove={() => { set({ commitments: without(list, i) }); }}>
            <div className="row">
              <SelectField id={`${id}-kind`} className="col-md-4" label={t('editor.whoKind')} value={c.whoKind} options={COMMITMENT_WHO_KINDS.map((value) => ({ value, label: t(`whoKind.${value}`) }))} onChange={(value) => { set({ commitments: patch(list, i, { whoKind: value as CommitmentWhoKind }) }); }} />
              <SelectField id={`${id}-person`} className="col-md-4" label={t('editor.casePerson')} placeholder={t('editor.notAPerson')} value={c.personId} options={options.persons.map((p) => ({ value: p.personId, label: p.name }))} onChange={(personId) => { set({ commitments: patch(list, i, { personId }) }); }} />
              <TextField id={`${id}-name`} className="col-md-4" label={t('editor.whoName')} hint={t('editor.whoNameHint')} value={c.whoName} onChange={(whoName) => { set({ commitments: patch(list, i, { whoName }) }); }} error={errors[`commitments.${String(i)}.whoName`]} maxLength={200} />
            </div>
            <TextAreaField id={`${id}-text`} label={t('editor.commitment')} required value={c.commitment} onChange={(commitment) => { set({ commitments: patch(list, i, { commitment }) }); }} error={errors[`commitments.${String(i)}.commitment`]} maxLength={2000} rows={2} />
          </ItemBox>
        );
      })}
    </EditorSection>
  );
}

export function TasksEditor({ draft, set, errors, options }: SectionProps & { options: PlanOptions }) {
  const { t } = useTranslation('carePlans');
  const list = draft.tasks;
  return (
    <EditorSection id="plan-tasks" title={t('editor.tasks')} about={t('editor.tasksAbout')} addLabel={t('editor.addTask')} onAdd={() => { set({ tasks: [...list, { key: newKey(), whoKind: 'team_member', userId: options.teamMembers[0]?.id ?? '', providerId: '', whoName: '', task: '', shared: false }] }); }}>
      {list.map((x, i) => {
        const id = `plan-task-${String(i)}`;
        const n = i + 1;
        return (
          <ItemBox key={x.key} id={id} legend={t('editor.taskN', { n })} removeLabel={t('editor.removeTask', { n })} onRemove={() => { set({ tasks: without(list, i) }); }}>
            <div className="row">
              <SelectField id={`${id}-kind`} className="col-md-4" label={t('editor.whoKind')} value={x.whoKind} options={TASK_WHO_KINDS.map((value) => ({ value, label: t(`whoKind.${value}`) }))} onChange={(value) => { set({ tasks: patch(list, i, { whoKind: value as TaskWhoKind, userId: '', providerId: '' }) }); }} />
              {x.whoKind === 'team_member' ? (
                <SelectField id={`${id}-user`} className="col-md-4" label={t('editor.teamMember')} placeholder={t('editor.choose')} value={x.userId} options={options.teamMembers.map((u) => ({ value: u.id, label: u.displayName }))} onChange={(userId) => { set({ tasks: patch(list, i, { userId }) }); }} />
              ) : null}
              {x.whoKind === 'provider' ? (
                <SelectField id={`${id}-provider`} className="col-md-4" label={t('support.provider')} placeholder={t('editor.choose')} value={x.providerId} options={options.providers.map((p) => ({ value: p.id, label: p.name }))} onChange={(providerId) => { set({ tasks: patch(list, i, { providerId }) }); }} />
              ) : null}
              <TextField id={`${id}-name`} className="col-md-4" label={t('editor.whoName')} hint={t('editor.whoNameHint')} value={x.whoName} onChange={(whoName) => { set({ tasks: patch(list, i, { whoName }) }); }} error={errors[`tasks.${String(i)}.whoName`]} maxLength={200} />
            </div>
            <TextAreaField id={`${id}-text`} label={t('editor.task')} required value={x.task} onChange={(task) => { set({ tasks: patch(list, i, { task }) }); }} error={errors[`tasks.${String(i)}.task`]} maxLength={2000} rows={2} />
            <CheckboxField id={`${id}-shared`} label={t('editor.sharedWithProviders')} checked={x.shared} onChange={(shared) => { set({ tasks: patch(list, i, { shared }) }); }} />
          </ItemBox>
        );
      })}
    </EditorSection>
  );
}

export function ReviewsEditor({ draft, set, errors }: SectionProps) {
  const { t } = useTranslation('carePlans');
  const list = draft.reviews;
  return (
    <EditorSection id="plan-reviews" title={t('editor.reviews')} addLabel={t('editor.addReview')} onAdd={() => { set({ reviews: [...list, { key: newKey(), reviewOn: '', note: '' }] }); }}>
      {list.map((r, i) => {
        const id = `plan-review-${String(i)}`;
        const n = i + 1;
        return (
          <ItemBox key={r.key} id={id} legend={t('editor.reviewN', { n })} removeLabel={t('editor.removeReview', { n })} onRemove={() => { set({ reviews: without(list, i) }); }}>
            <div className="row">
              <TextField id={`${id}-date`} className="col-md-4" label={t('editor.reviewOn')} type="date" required value={r.reviewOn} onChange={(reviewOn) => { set({ reviews: patch(list, i, { reviewOn }) }); }} error={errors[`reviews.${String(i)}.reviewOn`]} />
              <TextField id={`${id}-note`} className="col-md-8" label={t('editor.reviewNote')} value={r.note} onChange={(note) => { set({ reviews: patch(list, i, { note }) }); }} maxLength={1000} />
            </div>
          </ItemBox>
        );
      })}
    </EditorSection>
  );
}
