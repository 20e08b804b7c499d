import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoveRequired } from '../../../../src/features/households/households.schemas.ts';
import { fieldErrorsOf, type FieldErrors } from '../../platform/api/error-text.ts';
import { moveRequiredOf } from './households-api.ts';

/**
 * The state of a household form: field errors (the browser's, then the server's), a failure to show,
 * and the move to confirm when the person belongs to another household. `forget` drops that move when
 * what it was computed from changes (the person or the date).
 */
export function useHouseholdSubmit() {
  const { i18n } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [move, setMove] = useState<MoveRequired | null>(null);

  const run = useCallback(
    async (local: FieldErrors, send: (move: boolean) => Promise<void>) => {
      setErrors(local);
      if (Object.keys(local).length) return;
      setFailure(null);
      try {
        await send(move !== null);
      } catch (error) {
        const required = moveRequiredOf(error);
        if (required) {
          setMove(required);
          return;
        }
        setFailure(error);
        setErrors(fieldErrorsOf(error, i18n.language));
      }
    },
    [move, i18n.language],
  );
  const forget = useCallback(() => { setMove(null); }, []);
  return { errors, failure, move, run, forget };
}
