type Props = { id: string; hint?: string | undefined; error?: string | undefined };

/** Hint and error under a control; their ids are what `describedBy` points to. */
export function FieldMessages({ id, hint, error }: Props) {
  return (
    <>
      {hint ? (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block field-error" data-testid={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </>
  );
}
