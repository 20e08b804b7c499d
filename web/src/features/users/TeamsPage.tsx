import {Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../platform/components/DataTable.tsx';
import type { Team, UserView } from '../../../../src/features/users/users.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { territoriesApi } from '../territories/territories-api.ts';
import { TeamForm } from './TeamForm.tsx';
import { usersApi } from './users-api.ts';

export function TeamsPage() {
  const { t } = useTranslation(['users', 'common']);
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [users, setUsers] = useState<UserView[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<unknown>(null);
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  usePageTitle(t('teams.title'));

  const reload = useCallback(() => {
    void usersApi.teams().then(async (list) => {
      setTeams(list);
      const codes = [...new Set(list.map((team) => team.municipalityCode))];
      if (!codes.length) return;
      const found = await territoriesApi.municipalities({ codes: codes.join(','), limit: 100 }).catch(() => []);
      setNames(new Map(found.map((m) => [m.istatCode, m.name])));
    }, setFailure);
  }, []);

  useEffect(() => {
    reload();
    void usersApi.list().then(setUsers, setFailure);
  }, [reload]);

  const userName = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;

  return (
    <>
      <h1>{t('teams.title')}</h1>
      <p>{t('teams.intro')}</p>
      <ErrorAlert error={failure} />
      {!teams && !failure ? <Loading /> : null}
      {teams ? (
        <DataTable caption={t('teams.caption', { count: teams.length })} testId="teams-table">
          <thead>
            <tr>
              <th scope="col">{t('teams.name')}</th>
              <th scope="col">{t('teams.municipality')}</th>
              <th scope="col">{t('teams.members')}</th>
              <th scope="col"><span className="visually-hidden">{t('teams.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {teams.length === 0 ? <tr><td colSpan={4}>{t('teams.empty')}</td></tr> : null}
            {teams.map((team) => (
              <tr key={team.id}>
                <th scope="row">{team.name}</th>
                <td>{names.get(team.municipalityCode) ?? team.municipalityCode}</td>
                <td>{team.memberIds.map(userName).join(', ') || t('common:values.empty')}</td>
                <td>
                  <Button color="primary" outline size="xs" type="button" onClick={() => { setEditing(team); }}
                    aria-label={t('teams.editNamed', { name: team.name })}>
                    {t('common:actions.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {editing ? (
        <TeamForm
          key={editing === 'new' ? 'new' : editing.id}
          team={editing === 'new' ? null : editing}
          municipalityName={editing === 'new' ? undefined : names.get(editing.municipalityCode)}
          users={users}
          onCancel={() => { setEditing(null); }}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : (
        <Button color="primary" type="button" onClick={() => { setEditing('new'); }} testId="team-new">
          {t('teams.new')}
        </Button>
      )}
    </>
  );
}
