import { describedBy } from './field-ids.ts';
import { FieldLabel } from './FieldLabel.tsx';
import { FieldMessages } from './FieldMessages.tsx';

export type Option = { value: string; label: string };

type Props = {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  /** Text of a first, empty option; omit when a value is always chosen. */
  placeholder?: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  testId?: string;
};

/**
 * design-react-kit's Select markup (`select-wrapper`), written out so the label can carry the
 * required mark outside the accessible name, like TextField.
 */
export function SelectField(props: Props) {
  const { id, label, value, options, error, hint, required } = props;
  return (
    <div className={`form-group select-field ${props.className ?? ''}`}>
      <div className="select-wrapper">
        <FieldLabel htmlFor={id} required={required}>
          {label}
        </FieldLabel>
        <select
          id={id}
          value={value}
          onChange={(event) => { props.onChange(event.target.value); }}
          disabled={props.disabled}
          className={error ? 'is-invalid' : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          aria-required={required ? true : undefined}
          data-testid={props.testId ?? id}
        >
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
