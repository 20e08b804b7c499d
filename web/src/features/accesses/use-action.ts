import { useState } from 'react';

/** A form's submit: busy while it runs, its failure kept for an ErrorAlert, the result handed on. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const run = async <T,>(action: () => Promise<T>, onDone: (result: T) => void) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await action();
      setBusy(false);
      onDone(result);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
