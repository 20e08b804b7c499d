import { Alert, Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isStanding } from '../../../../src/features/contributions/contributions.codes.ts';
import type { Contribution } from '../../../../src/features/contributions/contributions.schemas.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import type { CaseDetail } from '../../../../src/features/cases/cases.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { ContributionsTable } from './ContributionsTable.tsx';
import { ProposeDialog, RevokeDialog } from './ContributionDialogs.tsx';
import { contributionsApi } from './contributions-api.ts';

/** The "Contributi economici" section of the case page: the contributions of the plan, proposals and revocations. */
export function ContributionsSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('contributions');
  const me = useMe();
  const writer = can(me, permissions.caseWrite);
  const [items, setItems] = useState<Contribution[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [dialog, setDialog] = useState<{ kind: 'propose' } | { kind: 'revoke'; contribution: Contribution } | null>(null);
  const [notice, setNotice] = useState('');
  const load = useCallback(() => {
    setFailure(null);
    void contributionsApi.list(detail.id).then(setItems, setFailure);
  }, [detail.id]);
  useEffect(load, [load]);
  const done = (message: string) => () => {
    setDialog(null);
    setNotice(message);
    load();
  };
  return (
    <section aria-labelledby="contributions-title" className="mb-4" data-testid="contributions-section">
      <h2 className="h4" id="contributions-title">{t('section.title')}</h2>
      <p className="small text-muted">{t('section.about')}</p>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="contributions-notice">{notice}</Alert> : null}</div>
      <ErrorAlert error={failure} testId="contributions-error" />
      {writer ? (
        <div className="d-flex flex-wrap gap-2 mb-3">
          <Button color="primary" outline size="sm" type="button" onClick={() => { setDialog({ kind: 'propose' }); }} testId="contribution-add">{t('section.add')}</Button>
          <Link className="btn btn-outline-secondary btn-sm" to="/contributions/meeting">{t('section.meeting')}</Link>
        </div>
      ) : null}
      {!items && !failure ? <Loading /> : null}
      {items?.length === 0 ? <p data-testid="contributions-empty">{t('section.empty')}</p> : null}
      {items && items.length > 0 ? (
        <ContributionsTable
          contributions={items}
          caption={t('section.caption')}
          action={(c) =>
            writer && isStanding(c.status) ? (
              <Button color="secondary" outline size="xs" type="button" className="ms-2" onClick={() => { setDialog({ kind: 'revoke', contribution: c }); }} aria-label={`${t('section.revoke')}: ${c.personName} ${formatCents(c.amountCents, i18n.language)}`} testId="contribution-revoke">
                {t('section.revoke')}
              </Button>
            ) : null
          }
        />
      ) : null}
      {dialog?.kind === 'propose' ? <ProposeDialog detail={detail} onDone={done(t('section.saved'))} onCancel={() => { setDialog(null); }} /> : null}
      {dialog?.kind === 'revoke' ? <RevokeDialog caseId={detail.id} contribution={dialog.contribution} onDone={done(t('section.revoked'))} onCancel={() => { setDialog(null); }} /> : null}
    </section>
  );
}
