import { TextField } from '../../platform/components/TextField.tsx';

type Props = { id: string; label: string; value: string; onChange: (value: string) => void; error: string | undefined };

/** A required date of a membership (start or end), in the browser's date picker. */
export function DateField({ id, label, value, onChange, error }: Props) {
  return <TextField id={id} type="date" label={label} value={value} onChange={onChange} error={error} required />;
}
