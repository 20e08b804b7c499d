import { FieldMessages } from './FieldMessages.tsx';
import type { Option } from './SelectField.tsx';

type Props = {
  id: string;
  legend: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  inline?: boolean;
  error?: string | undefined;
};

export function RadioGroup({ id, legend, value, options, onChange, inline = true, error }: Props) {
  return (
    <fieldset className="mb-3" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="form-label fs-6 fw-semibold mb-1">{legend}</legend>
      {options.map((option) => {
        const optionId = `${id}-${option.value || 'none'}`;
        return (
          <div key={option.value} className={`form-check ${inline ? 'form-check-inline' : ''}`}>
            <input
              id={optionId}
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => { onChange(option.value); }}
              data-testid={optionId}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
      <FieldMessages id={id} error={error} />
    </fieldset>
  );
}
