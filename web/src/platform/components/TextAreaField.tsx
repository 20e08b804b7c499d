import { describedBy } from './field-ids.ts';
import { FieldLabel } from './FieldLabel.tsx';
import { FieldMessages } from './FieldMessages.tsx';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  maxLength?: number;
  rows?: number;
};

/** A labelled multi-line text, with hint and error tied by aria-describedby like TextField. */
export function TextAreaField({ id, label, value, onChange, error, hint, required, maxLength, rows = 3 }: Props) {
  return (
    <div className="form-group">
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      <textarea
        id={id}
        className={`form-control ${error ? 'is-invalid' : ''}`}
        rows={rows}
        value={value}
        maxLength={maxLength}
        onChange={(event) => { onChange(event.target.value); }}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={id}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
