import type { ReactNode } from 'react';

/**
 * The label of a field, with the required mark beside it rather than inside it, so the accessible
 * name is exactly the label text (requiredness is conveyed by aria-required).
 */
export function FieldLabel({ htmlFor, required, children }: { htmlFor: string; required?: boolean | undefined; children: ReactNode }) {
  return (
    <div className="field-label">
      <label htmlFor={htmlFor}>{children}</label>
      {required ? (
        <span aria-hidden="true" className="required-mark">
          {' '}*
        </span>
      ) : null}
    </div>
  );
}
