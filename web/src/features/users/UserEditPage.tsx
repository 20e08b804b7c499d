import { Alert } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { UserView } from '../../../../src/features/users/users.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { GrantsEditor } from './GrantsEditor.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { SecurityPanel } from './SecurityPanel.tsx';
import { usersApi } from './users-api.ts';

export function UserEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['users', 'common']);
  const location = useLocation();
  const created = (location.state as { notice?: string } | null)?.notice === 'created';
  const [user, setUser] = useState<UserView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  usePageTitle(user ? t('edit.titleNamed', { name: user.displayName }) : t('edit.title'));

  // There is no GET /users/:id: the list is small and already filtered by the server.
  const load = useCallback(() => {
    void usersApi.list().then((users) => {
      const found = users.find((u) => u.id === id) ?? null;
      setUser(found);
      setMissing(!found);
    }, setFailure);
  }, [id]);
  useEffect(load, [load]);

  return (
    <>
      <p className="mb-1">
        <Link to="/admin/users">{t('edit.back')}</Link>
      </p>
      <h1>{user ? t('edit.titleNamed', { name: user.displayName }) : t('edit.title')}</h1>
      {created ? <Alert color="success" fade={false} testId="user-created">{t('new.created')}</Alert> : null}
      <ErrorAlert error={failure} />
      {missing ? <p>{t('edit.notFound')}</p> : null}
      {!user && !failure && !missing ? <Loading /> : null}
      {user ? (
        <>
          <p>
            {t('fields.username')}: <strong>{user.username}</strong>
          </p>
          <ProfileForm key={user.id} user={user} onSaved={setUser} />
          <GrantsEditor user={user} onChanged={setUser} />
          <SecurityPanel user={user} onSessionsRevoked={load} />
        </>
      ) : null}
    </>
  );
}
