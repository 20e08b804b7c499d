import { Alert, Button } from 'design-react-kit';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonHousehold } from '../../../../src/features/households/households.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { AddMemberForm } from './AddMemberForm.tsx';
import { AddressForm } from './AddressForm.tsx';
import { CreateHouseholdForm } from './CreateHouseholdForm.tsx';
import { HouseholdHistory } from './HouseholdHistory.tsx';
import { HouseholdMembers, type MemberAction } from './HouseholdMembers.tsx';
import { householdsApi } from './households-api.ts';
import { EndMemberForm, RelationshipForm } from './MemberForms.tsx';

type Mode = null | 'create' | 'add' | 'address' | MemberAction;
type Notice = 'created' | 'added' | 'moved' | 'saved' | 'ended';

/** The person page's household: members, shared address, changes for those who may make them, and the history. */
export function HouseholdSection({ personId, purpose }: { personId: string; purpose: string | undefined }) {
  const { t } = useTranslation(['households', 'common']);
  const me = useMe();
  const writable = can(me, permissions.householdWrite);
  const [view, setView] = useState<PersonHousehold | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const title = useRef<HTMLHeadingElement>(null);

  const load = useCallback(() => {
    setFailure(null);
    householdsApi.ofPerson(personId, purpose).then(setView, setFailure);
  }, [personId, purpose]);
  useEffect(() => {
    setView(null);
    setMode(null);
    setNotice(null);
    load();
  }, [load]);

  const open = (next: Mode) => {
    setNotice(null);
    setMode(next);
  };
  const close = () => {
    setMode(null);
    title.current?.focus();
  };
  const done = (what: Notice) => {
    setNotice(what);
    close();
    load();
  };
  const current = view?.current ?? null;

  return (
    <section aria-labelledby="household-title" className="mb-4" data-testid="household-section">
      <h2 id="household-title" ref={title} tabIndex={-1} className="h4">{t('section.title')}</h2>
      <div aria-live="polite">
        {notice ? <Alert color="success" fade={false} testId="household-notice">{t(`section.${notice}`)}</Alert> : null}
      </div>
      <ErrorAlert error={failure} testId="household-load-error" />
      {!view && !failure ? <Loading /> : null}
      {view?.currentElsewhere ? <Alert color="info" fade={false} testId="household-elsewhere">{t('section.elsewhere')}</Alert> : null}
      {view && !current && !view.currentElsewhere ? <p data-testid="household-none">{t('section.none')}</p> : null}
      {view && !current && writable && mode !== 'create' ? (
        <Button color="primary" size="sm" type="button" onClick={() => { open('create'); }} testId="household-create-open">{t('create.button')}</Button>
      ) : null}
      {mode === 'create' ? <CreateHouseholdForm personId={personId} onDone={done} onCancel={close} /> : null}
      {current ? (
        <>
          <h3 className="h6 mb-1">{t('address.title')}</h3>
          <p className="mb-1" data-testid="household-address">
            {current.address ? [current.address.address, current.address.postalCode, current.address.municipalityName].filter(Boolean).join(', ') : t('address.none')}
          </p>
          <p className="small mb-2">{t('section.territory', { name: current.municipalityName })}</p>
          {writable ? (
            <div className="d-flex flex-wrap gap-2 mb-2">
              <Button color="primary" size="sm" type="button" onClick={() => { open('add'); }} testId="household-add-open">{t('add.button')}</Button>
              <Button color="primary" outline size="sm" type="button" onClick={() => { open('address'); }} testId="household-address-open">{t('address.edit')}</Button>
            </div>
          ) : null}
          {mode === 'add' ? <AddMemberForm householdId={current.id} onDone={done} onCancel={close} /> : null}
          {mode === 'address' ? <AddressForm household={current} onDone={done} onCancel={close} /> : null}
          <HouseholdMembers members={current.members} personId={personId} onAction={writable ? open : undefined} />
          {current.hiddenMembers > 0 ? <p className="small">{t('section.hiddenMembers', { count: current.hiddenMembers })}</p> : null}
          {mode !== null && typeof mode === 'object' ? (
            mode.action === 'relationship' ? (
              <RelationshipForm key={mode.member.membershipId} householdId={current.id} member={mode.member} members={current.members} onDone={done} onCancel={close} />
            ) : (
              <EndMemberForm key={mode.member.membershipId} householdId={current.id} member={mode.member} members={current.members} onDone={done} onCancel={close} />
            )
          ) : null}
        </>
      ) : null}
      {view ? (
        <>
          <h3 className="h5 mt-3">{t('history.title')}</h3>
          <HouseholdHistory history={view.history} personId={personId} />
        </>
      ) : null}
    </section>
  );
}
