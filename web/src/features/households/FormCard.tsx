import { Button } from 'design-react-kit';
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';

type Props = {
  id: string;
  title: string;
  submitLabel: string;
  /** Runs the request; a thrown error is shown above the fields and the form stays open. */
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  failure: unknown;
  children: ReactNode;
};

/**
 * A form of the household section: its heading receives focus when it opens, so a keyboard user
 * lands on it, and Escape or the cancel button closes it.
 */
export function FormCard({ id, title, submitLabel, onSubmit, onCancel, failure, children }: Props) {
  const { t } = useTranslation('common');
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      noValidate
      className="card card-bg p-3 my-3"
      aria-labelledby={`${id}-title`}
      data-testid={id}
    >
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1} className="h5">
        {title}
      </h3>
      <ErrorAlert error={failure} testId={`${id}-error`} />
      {children}
      <div className="d-flex flex-wrap gap-2">
        <Button color="primary" type="submit" disabled={busy} testId={`${id}-submit`}>
          {busy ? t('actions.saving') : submitLabel}
        </Button>
        <Button color="primary" outline type="button" onClick={onCancel} testId={`${id}-cancel`}>
          {t('actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
