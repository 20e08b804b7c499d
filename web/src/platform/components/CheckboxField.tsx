import { describedBy } from './field-ids.ts';
import { FieldMessages } from './FieldMessages.tsx';

type Props = {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
  testId?: string;
};

export function CheckboxField({ id, label, checked, onChange, error, hint, disabled, testId }: Props) {
  return (
    <div className="form-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => { onChange(event.target.checked); }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testId ?? id}
      />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
