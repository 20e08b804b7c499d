import {Button, Col, Row } from 'design-react-kit';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { roles, territoryKinds, type Role, type TerritoryKind } from '../../platform/auth/roles.ts';
import type { ProviderOption, UserView } from '../../../../src/features/users/users.schemas.ts';
import { fieldErrorsOf, type FieldErrors } from '../../platform/api/error-text.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TerritoryChooser } from './TerritoryChooser.tsx';
import { usersApi } from './users-api.ts';

type Props = { user: UserView; onChanged: (user: UserView) => void };

/** A user's grants: role × territory. Add and remove; each change is logged by the server. */
export function GrantsEditor({ user, onChanged }: Props) {
  const { t, i18n } = useTranslation(['users', 'common']);
  const [role, setRole] = useState<Role | ''>('');
  const [kind, setKind] = useState<TerritoryKind>('municipality');
  const [territoryId, setTerritoryId] = useState('');
  const [providerId, setProviderId] = useState(user.providerId ?? '');
  const [organisations, setOrganisations] = useState<ProviderOption[]>([]);
  const [chooserKey, setChooserKey] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<UserView>) => {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await action());
      return true;
    } catch (error) {
      setFailure(error);
      setErrors(fieldErrorsOf(error, i18n.language));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const isProvider = role === 'provider';
  useEffect(() => {
    if (isProvider && organisations.length === 0) void usersApi.providerOrganisations().then(setOrganisations, setFailure);
  }, [isProvider, organisations.length]);

  const add = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!role) next.role = t('common:form.required');
    if (!territoryId) next.territoryId = t('grants.territoryRequired');
    if (isProvider && !providerId) next.providerId = t('grants.providerRequired');
    setErrors(next);
    if (!role || !territoryId || Object.keys(next).length) return;
    const body = { role, territoryKind: kind, territoryId, ...(isProvider ? { providerId } : {}) };
    if (await run(() => usersApi.addGrant(user.id, body))) {
      setRole('');
      setTerritoryId('');
      setChooserKey((k) => k + 1);
    }
  };

  return (
    <section aria-labelledby="grants-title" className="mb-5">
      <h2 id="grants-title" className="h4">{t('grants.title')}</h2>
      <ErrorAlert error={failure} />
      {user.providerName ? <p data-testid="user-provider">{t('grants.providerOf', { name: user.providerName })}</p> : null}
      <DataTable caption={t('grants.caption', { name: user.displayName })} size="sm" testId="grants-table">
        <thead>
          <tr>
            <th scope="col">{t('grants.role')}</th>
            <th scope="col">{t('grants.territory')}</th>
            <th scope="col"><span className="visually-hidden">{t('grants.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {user.grants.length === 0 ? (
            <tr><td colSpan={3}>{t('grants.empty')}</td></tr>
          ) : null}
          {user.grants.map((grant) => (
            <tr key={grant.id}>
              <td>{t(`common:roles.${grant.role}`)}</td>
              <td>{grant.territoryName} ({t(`common:territoryKinds.${grant.territoryKind}`)})</td>
              <td>
                <Button color="danger" outline size="xs" type="button" disabled={busy}
                  onClick={() => void run(() => usersApi.removeGrant(user.id, grant.id))}
                  aria-label={t('grants.removeNamed', { role: t(`common:roles.${grant.role}`), territory: grant.territoryName })}
                  testId="grant-remove">
                  {t('common:actions.remove')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <form onSubmit={(event) => void add(event)} noValidate aria-labelledby="grant-add-title" className="card card-bg p-3">
        <h3 id="grant-add-title" className="h5">{t('grants.addTitle')}</h3>
        <Row>
          <Col xs={12} md={6}>
            <SelectField id="grant-role" label={t('grants.role')} value={role} placeholder={t('common:form.choose')}
              options={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
              onChange={(value) => { setRole(roles.find((r) => r === value) ?? ''); }} error={errors.role} required />
          </Col>
          <Col xs={12} md={6}>
            <SelectField id="grant-territory-kind" label={t('grants.territoryKind')} value={kind}
              options={territoryKinds.map((k) => ({ value: k, label: t(`common:territoryKinds.${k}`) }))}
              onChange={(value) => {
                setKind(territoryKinds.find((k) => k === value) ?? 'municipality');
                setTerritoryId('');
                setChooserKey((k) => k + 1);
              }}
              error={errors.territoryKind} required />
          </Col>
        </Row>
        <TerritoryChooser key={`${kind}-${chooserKey}`} kind={kind} value={territoryId} onChange={setTerritoryId} error={errors.territoryId} />
        {isProvider ? (
          <SelectField id="grant-provider" label={t('grants.provider')} hint={t('grants.providerHint')} value={providerId} placeholder={t('common:form.choose')}
            options={organisations.filter((o) => o.isActive || o.id === providerId).map((o) => ({ value: o.id, label: o.name }))}
            onChange={setProviderId} error={errors.providerId} required />
        ) : null}
        <div>
          <Button color="primary" type="submit" disabled={busy} testId="grant-add">
            {t('grants.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
