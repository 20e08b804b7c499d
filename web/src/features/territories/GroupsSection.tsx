import {Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../platform/components/DataTable.tsx';
import type { TerritoryGroup } from '../../../../src/features/territories/territories.schemas.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { formatNumber } from '../../platform/format.ts';
import { GroupForm } from './GroupForm.tsx';
import { territoriesApi } from './territories-api.ts';

/** Unions and Districts: groups of municipalities that grants and statistics can name. */
export function GroupsSection() {
  const { t, i18n } = useTranslation(['territories', 'common']);
  const [groups, setGroups] = useState<TerritoryGroup[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [editing, setEditing] = useState<TerritoryGroup | 'new' | null>(null);

  const reload = useCallback(() => {
    void territoriesApi.groups().then(setGroups, setFailure);
  }, []);
  useEffect(reload, [reload]);

  return (
    <section aria-labelledby="groups-title" className="mb-5">
      <h2 id="groups-title">{t('groups.title')}</h2>
      <p>{t('groups.intro')}</p>
      <ErrorAlert error={failure} />
      {groups === null && !failure ? <Loading /> : null}
      {groups ? (
        <DataTable caption={t('groups.caption')} testId="groups-table">
          <thead>
            <tr>
              <th scope="col">{t('groups.name')}</th>
              <th scope="col">{t('groups.kind')}</th>
              <th scope="col">{t('groups.municipalities')}</th>
              <th scope="col" className="text-end">
                {t('groups.population')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('groups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.length === 0 ? (
              <tr>
                <td colSpan={5}>{t('groups.empty')}</td>
              </tr>
            ) : null}
            {groups.map((group) => (
              <tr key={group.id}>
                <th scope="row">{group.name}</th>
                <td>{t(`common:territoryKinds.${group.kind}`)}</td>
                <td>{group.municipalities.map((m) => m.name).join(', ')}</td>
                <td className="text-end">{formatNumber(group.population, i18n.language)}</td>
                <td>
                  <Button
                    color="primary"
                    outline
                    size="xs"
                    type="button"
                    onClick={() => { setEditing(group); }}
                    aria-label={t('groups.editNamed', { name: group.name })}
                  >
                    {t('common:actions.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {editing ? (
        <GroupForm
          key={editing === 'new' ? 'new' : editing.id}
          group={editing === 'new' ? null : editing}
          onCancel={() => { setEditing(null); }}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : (
        <Button color="primary" type="button" onClick={() => { setEditing('new'); }} testId="group-new">
          {t('groups.new')}
        </Button>
      )}
    </section>
  );
}
