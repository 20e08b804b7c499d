import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, type FieldErrors } from './error-text.ts';

/**
 * The save of a form: `showErrors` shows the browser's own field errors (then nothing is sent);
 * `save` clears them and stays busy while the request runs; a refusal keeps the failure for an
 * ErrorAlert and the server's field errors beside their fields. On success the caller moves on
 * (busy stays on until it does).
 */
export function useFormSave() {
  const { i18n } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async (send: () => Promise<void>) => {
    setErrors({});
    setBusy(true);
    setFailure(null);
    try {
      await send();
    } catch (error) {
      setFailure(error);
      setErrors(fieldErrorsOf(error, i18n.language));
      setBusy(false);
    }
  };
  return { errors, failure, busy, showErrors: setErrors, save };
}
