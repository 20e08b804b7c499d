import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from 'design-react-kit';
import { useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INTAKE_CLOSE_REASONS, type IntakeCloseReason } from '../../../../src/features/accesses/accesses.codes.ts';
import type { EligibleWorker, IntakeItem } from '../../../../src/features/accesses/intake.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { RadioGroup } from '../../platform/components/RadioGroup.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { accessesApi } from './accesses-api.ts';
import { useAction } from './use-action.ts';

export const whoOf = (item: IntakeItem) =>
  item.persons.length ? item.persons.map((p) => `${p.familyName} ${p.givenName}`).join(', ') : (item.anonymousDescription ?? '');

type ShellProps = {
  id: string;
  title: string;
  about: string;
  busy: boolean;
  failure: unknown;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
};

/** A modal form: titled, focus kept inside, Escape or Cancel closes it, the page's focus comes back. */
export function DialogShell({ id, title, about, busy, failure, submitLabel, onSubmit, onCancel, children }: ShellProps) {
  const { t } = useTranslation();
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <Modal isOpen toggle={onCancel} labelledBy={`${id}-title`} returnFocusAfterClose data-testid={id}>
      <form onSubmit={submit} noValidate>
        <ModalHeader id={`${id}-title`} tag="h2" toggle={onCancel} closeAriaLabel={t('actions.close')}>{title}</ModalHeader>
        <ModalBody>
          <p>{about}</p>
          <ErrorAlert error={failure} testId={`${id}-error`} />
          {children}
        </ModalBody>
        <ModalFooter>
          <Button color="primary" type="submit" disabled={busy} testId={`${id}-submit`}>{submitLabel}</Button>
          <Button color="secondary" outline type="button" onClick={onCancel}>{t('actions.cancel')}</Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

type DialogProps = { item: IntakeItem; onDone: (item: IntakeItem) => void; onCancel: () => void };

/** The manager chooses among the social workers whose grants cover the referral's municipality. */
export function AssignDialog({ item, onDone, onCancel }: DialogProps) {
  const { t } = useTranslation(['accesses', 'common']);
  const [workers, setWorkers] = useState<EligibleWorker[] | null>(null);
  const [userId, setUserId] = useState(item.assignedTo?.id ?? '');
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const { busy, failure, run } = useAction();

  useEffect(() => {
    void accessesApi.eligibleWorkers(item.id).then(setWorkers, setLoadFailure);
  }, [item.id]);

  const submit = async () => {
    if (!userId) {
      setMissing(true);
      return;
    }
    await run(() => accessesApi.assign(item.id, { userId, version: item.version }), onDone);
  };
  return (
    <DialogShell id="assign-dialog" title={t('assign.title')} about={t('assign.about', { who: whoOf(item), municipality: item.municipalityName })} busy={busy} failure={failure ?? loadFailure} submitLabel={t('assign.submit')} onSubmit={submit} onCancel={onCancel}>
      {!workers && !loadFailure ? <Loading /> : null}
      {workers?.length === 0 ? <p data-testid="assign-none">{t('assign.none')}</p> : null}
      {workers?.length ? (
        <SelectField
          id="assign-worker"
          label={t('assign.worker')}
          hint={t('assign.workerHint')}
          required
          value={userId}
          placeholder={t('common:form.choose')}
          options={workers.map((w) => ({ value: w.id, label: t('assign.option', { name: w.displayName, count: w.openItems }) }))}
          onChange={(value) => { setUserId(value); setMissing(false); }}
          error={missing ? t('form.required') : undefined}
        />
      ) : null}
    </DialogShell>
  );
}

/** The manager or the assigned social worker closes a referral with a reason. */
export function CloseDialog({ item, onDone, onCancel }: DialogProps) {
  const { t } = useTranslation(['accesses', 'common']);
  const [reason, setReason] = useState<IntakeCloseReason>('resolved');
  const { busy, failure, run } = useAction();
  const submit = () => run(() => accessesApi.close(item.id, { reason, version: item.version }), onDone);
  return (
    <DialogShell id="close-dialog" title={t('close.title')} about={t('assign.about', { who: whoOf(item), municipality: item.municipalityName })} busy={busy} failure={failure} submitLabel={t('close.submit')} onSubmit={submit} onCancel={onCancel}>
      <RadioGroup id="close-reason" legend={t('close.reason')} inline={false} value={reason} options={INTAKE_CLOSE_REASONS.map((value) => ({ value, label: t(`closeReason.${value}`) }))} onChange={(value) => { setReason(value as IntakeCloseReason); }} />
    </DialogShell>
  );
}
