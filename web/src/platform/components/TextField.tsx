import { Input } from 'design-react-kit';
import type { FocusEventHandler, HTMLInputAutoCompleteAttribute } from 'react';
import { describedBy } from './field-ids.ts';
import { FieldLabel } from './FieldLabel.tsx';
import { FieldMessages } from './FieldMessages.tsx';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: FocusEventHandler<HTMLInputElement>;
  type?: 'text' | 'password' | 'email' | 'date' | 'time' | 'tel' | 'search' | 'number';
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email' | 'search';
  maxLength?: number;
  className?: string;
  inputClassName?: string;
  disabled?: boolean;
  spellCheck?: boolean;
  autoCapitalize?: string;
  testId?: string;
};

/**
 * A labelled input in the bootstrap-italia style. The label is always raised (`active`) so it never
 * overlaps a value or a browser's date widget; hint and error are tied by aria-describedby.
 */
export function TextField(props: Props) {
  const { id, label, value, onChange, error, hint, required, type = 'text' } = props;
  return (
    <div className={`form-group ${props.className ?? ''}`}>
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      <Input
        noWrapper
        id={id}
        type={type}
        value={value}
        onChange={(event) => { onChange(event.target.value); }}
        onBlur={props.onBlur}
        className={props.inputClassName}
        valid={error ? false : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required ? true : undefined}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        disabled={props.disabled}
        spellCheck={props.spellCheck}
        autoCapitalize={props.autoCapitalize}
        testId={props.testId ?? id}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
