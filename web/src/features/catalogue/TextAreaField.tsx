import { describedBy } from '../../platform/components/field-ids.ts';
import { FieldLabel } from '../../platform/components/FieldLabel.tsx';
import { FieldMessages } from '../../platform/components/FieldMessages.tsx';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  rows?: number;
  maxLength?: number;
};

/** A labelled multi-line text, with hint and error tied by aria-describedby like TextField. */
export function TextAreaField({ id, label, value, onChange, error, hint, rows = 4, maxLength }: Props) {
  return (
    <div className="form-group">
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <textarea
        id={id}
        className={`form-control ${error ? 'is-invalid' : ''}`}
        rows={rows}
        value={value}
        maxLength={maxLength}
        onChange={(event) => { onChange(event.target.value); }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={id}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
