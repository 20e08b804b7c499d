import { Alert, Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { FiscalCodeCheck } from '../../../../src/features/registry/registry.schemas.ts';
import { formatDate } from '../../platform/format.ts';
import { DuplicateList } from './DuplicateList.tsx';
import type { CheckState } from './use-person-check.ts';

type Props = {
  check: CheckState;
  /** Copies sex, birth date and birthplace decoded from the fiscal code into the form. */
  onUseDecoded: (decoded: NonNullable<FiscalCodeCheck['decoded']>) => void;
};

export function MismatchWarning({ mismatches, testId }: { mismatches: FiscalCodeCheck['mismatches']; testId: string }) {
  const { t } = useTranslation(['registry', 'common']);
  if (!mismatches.length) return null;
  return (
    <Alert color="warning" fade={false} testId={testId}>
      {t('check.mismatches', { fields: mismatches.map((m) => t(`check.mismatchField.${m}`)).join(', ') })}
    </Alert>
  );
}

/** Live result of /persons/check: validity, decoded data, mismatches, likely duplicates. Polite live region. */
export function FiscalCodePanel({ check, onUseDecoded }: Props) {
  const { t, i18n } = useTranslation(['registry', 'common']);
  return (
    <div aria-live="polite" className="mb-3" data-testid="fiscal-code-check">
      {check.state === 'needsNames' ? <p className="small text-muted mb-2">{t('check.needsNames')}</p> : null}
      {check.state === 'checking' || (check.state === 'done' && check.pending) ? (
        <p className="small mb-2">{t('check.checking')}</p>
      ) : null}
      {check.state === 'failed' ? <p className="small mb-2">{t('check.failed')}</p> : null}
      {check.state === 'done' ? (
        <>
          {check.result.fiscalCode.status === 'invalid' ? (
            <Alert color="danger" fade={false} testId="fiscal-code-invalid">
              {t('check.invalid')}
              {check.result.fiscalCode.reason ? ` ${t(`check.reason.${check.result.fiscalCode.reason}`)}` : ''}
            </Alert>
          ) : null}
          {check.result.fiscalCode.status === 'valid' ? (
            <Alert color="success" fade={false} testId="fiscal-code-valid">
              <p className="mb-1 fw-semibold">{t('check.valid')}</p>
              {check.result.fiscalCode.decoded ? (
                <>
                  <p className="mb-2" data-testid="fiscal-code-decoded">
                    {t('check.decoded', {
                      sex: t(`common:values.sex.${check.result.fiscalCode.decoded.sex}`),
                      date: formatDate(check.result.fiscalCode.decoded.birthDate, i18n.language),
                      place:
                        check.result.fiscalCode.decoded.birthPlaceName ?? check.result.fiscalCode.decoded.birthPlaceCode,
                    })}
                  </p>
                  <Button
                    color="primary"
                    outline
                    size="xs"
                    type="button"
                    testId="fiscal-code-use-decoded"
                    onClick={() => {
                      const decoded = check.result.fiscalCode.decoded;
                      if (decoded) onUseDecoded(decoded);
                    }}
                  >
                    {t('check.useDecoded')}
                  </Button>
                </>
              ) : null}
            </Alert>
          ) : null}
          <MismatchWarning mismatches={check.result.fiscalCode.mismatches} testId="fiscal-code-mismatches" />
          {check.result.duplicates.length ? (
            <Alert color="warning" fade={false} testId="live-duplicates">
              <p className="mb-1 fw-semibold">{t('check.duplicates', { count: check.result.duplicates.length })}</p>
              <DuplicateList duplicates={check.result.duplicates} testId="live-duplicates-list" />
            </Alert>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
