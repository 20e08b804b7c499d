import { useEffect, useState } from 'react';
import type { PersonCheckResult } from '../../../../src/features/registry/registry.schemas.ts';
import type { PersonFormState } from './person-form-model.ts';
import { registryApi, type PersonInputBody } from './registry-api.ts';

const DEBOUNCE_MS = 500;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type CheckState =
  | { state: 'idle' }
  | { state: 'needsNames' }
  | { state: 'checking' }
  | { state: 'done'; result: PersonCheckResult; pending?: boolean }
  | { state: 'failed' };

/** Only the identity fields: the check must not fail on a half-typed address. */
function checkBody(s: PersonFormState): PersonInputBody | null {
  const familyName = s.familyName.trim();
  const givenName = s.givenName.trim();
  if (!familyName || !givenName || !s.municipality) return null;
  return {
    familyName,
    givenName,
    sex: s.sex || null,
    birthDate: ISO_DATE.test(s.birthDate) ? s.birthDate : null,
    birthPlaceCode: s.birthPlace?.value ?? null,
    fiscalCode: s.fiscalCode.trim().toUpperCase() || null,
    municipalityCode: s.municipality.value,
  };
}

/**
 * Live fiscal-code check and duplicate search while the operator types (debounced).
 * `excludeId` hides the person being edited from its own duplicates.
 */
export function usePersonCheck(form: PersonFormState, excludeId?: string): CheckState {
  const [check, setCheck] = useState<CheckState>({ state: 'idle' });
  const body = checkBody(form);
  const key = body ? JSON.stringify(body) : '';
  const hasIdentity = Boolean(form.fiscalCode.trim() || form.familyName.trim() || form.givenName.trim());

  useEffect(() => {
    if (!key) {
      setCheck(hasIdentity ? { state: 'needsNames' } : { state: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      // Keep the last result on screen while the next one is computed: no flicker in the live region.
      setCheck((previous) => (previous.state === 'done' ? { ...previous, pending: true } : { state: 'checking' }));
      registryApi.check(JSON.parse(key) as PersonInputBody, controller.signal).then(
        (result) => { setCheck({
            state: 'done',
            result: { ...result, duplicates: result.duplicates.filter((d) => d.id !== excludeId) },
          }); },
        (error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          setCheck({ state: 'failed' });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [key, hasIdentity, excludeId]);

  return check;
}
