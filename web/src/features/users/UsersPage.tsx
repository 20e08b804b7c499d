import {Badge } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { Link } from 'react-router-dom';
import type { UserView } from '../../../../src/features/users/users.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { usersApi } from './users-api.ts';

export function UsersPage() {
  const { t, i18n } = useTranslation(['users', 'common']);
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(t('list.title'));

  useEffect(() => {
    void usersApi.list().then(setUsers, setFailure);
  }, []);

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 className="mb-0">{t('list.title')}</h1>
        <Link to="/admin/users/new" className="btn btn-primary" data-testid="user-new">
          {t('list.new')}
        </Link>
      </div>
      <ErrorAlert error={failure} />
      {!users && !failure ? <Loading /> : null}
      {users ? (
        <DataTable caption={t('list.caption', { count: users.length })} striped testId="users-table">
          <thead>
            <tr>
              <th scope="col">{t('fields.displayName')}</th>
              <th scope="col">{t('fields.username')}</th>
              <th scope="col">{t('list.roles')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.sessions')}</th>
              <th scope="col">{t('list.lastLogin')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <Link to={`/admin/users/${encodeURIComponent(user.id)}`} data-testid="user-link">
                    {user.displayName}
                  </Link>
                </th>
                <td>{user.username}</td>
                <td>
                  {user.grants.length
                    ? user.grants.map((g) => `${t(`common:roles.${g.role}`)} (${g.territoryName})`).join('; ')
                    : t('common:values.empty')}
                </td>
                <td>
                  {user.isActive ? (
                    <Badge color="success">{t('list.active')}</Badge>
                  ) : (
                    <Badge color="secondary">{t('list.inactive')}</Badge>
                  )}
                </td>
                <td>{user.activeSessions}</td>
                <td>{formatDateTime(user.lastLoginAt, i18n.language) || t('list.never')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </>
  );
}
