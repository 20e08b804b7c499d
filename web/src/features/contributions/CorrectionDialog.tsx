import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentLine } from '../../../../src/features/contributions/contributions.schemas.ts';
import { formatCents, parseEuros } from '../../../../src/platform/money/euros.ts';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { DialogShell } from '../accesses/IntakeDialogs.tsx';
import { useAction } from '../accesses/use-action.ts';
import { contributionsApi } from './contributions-api.ts';

/** A wrong amount in a closed list: the right amount and the reason; the server puts the difference into the next open list. */
export function CorrectionDialog({ listId, line, onDone, onCancel }: { listId: string; line: PaymentLine; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation('contributions');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>(undefined);
  const { busy, failure, run } = useAction();
  const submit = async () => {
    const cents = parseEuros(amount);
    setAmountError(cents === null ? t('propose.amountInvalid') : undefined);
    if (cents === null) return;
    await run(
      () => contributionsApi.correct(listId, line.id, { correctAmountCents: cents, note }),
      (result) => { onDone(t('correct.saved', { amount: formatCents(result.amountCents, i18n.language), month: result.month })); },
    );
  };
  return (
    <DialogShell
      id="payment-correction-dialog"
      title={t('correct.title')}
      about={t('correct.about', { name: line.personName, month: line.dueMonth, amount: formatCents(line.amountCents, i18n.language) })}
      busy={busy}
      failure={failure}
      submitLabel={t('correct.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField id="correction-amount" label={t('correct.amount')} required value={amount} onChange={setAmount} error={amountError} maxLength={15} />
      <TextAreaField id="correction-note" label={t('correct.note')} required value={note} onChange={setNote} maxLength={2000} />
    </DialogShell>
  );
}
