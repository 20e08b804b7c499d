import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Member } from '../../../../src/features/households/households.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { formatDate } from '../../platform/format.ts';

export type MemberAction = { member: Member; action: 'relationship' | 'end' };

type Props = {
  members: readonly Member[];
  personId: string;
  /** Present for users who may change the household. */
  onAction?: ((action: MemberAction) => void) | undefined;
};

/** The current members, each linked to their person page, with relationship and start date. */
export function HouseholdMembers({ members, personId, onAction }: Props) {
  const { t, i18n } = useTranslation(['households', 'common']);
  const empty = t('common:values.empty');
  return (
    <DataTable caption={t('members.caption')} size="sm" testId="household-members">
      <thead>
        <tr>
          <th scope="col">{t('members.name')}</th>
          <th scope="col">{t('members.birthDate')}</th>
          <th scope="col">{t('members.fiscalCode')}</th>
          <th scope="col">{t('members.relationship')}</th>
          <th scope="col">{t('members.since')}</th>
          {onAction ? <th scope="col">{t('members.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => {
          const name = `${member.person.familyName} ${member.person.givenName}`;
          return (
            <tr key={member.membershipId} data-testid={`household-member-${member.person.id}`}>
              <th scope="row">
                {member.person.id === personId ? (
                  <>
                    {name} <span className="small">{t('members.thisPerson')}</span>
                  </>
                ) : (
                  <Link to={`/registry/persons/${encodeURIComponent(member.person.id)}`}>{name}</Link>
                )}
              </th>
              <td>{formatDate(member.person.birthDate, i18n.language) || empty}</td>
              <td>{member.person.fiscalCode ?? empty}</td>
              <td>{t(`relationships.${member.relationship}`)}</td>
              <td>{formatDate(member.validFrom, i18n.language)}</td>
              {onAction ? (
                <td>
                  <div className="d-flex flex-wrap gap-1">
                    <Button color="primary" outline size="xs" type="button" onClick={() => { onAction({ member, action: 'relationship' }); }}
                      testId={`household-member-relationship-${member.person.id}`}>
                      {t('members.changeRelationship')}
                      <span className="visually-hidden"> {t('members.of', { name })}</span>
                    </Button>
                    <Button color="danger" outline size="xs" type="button" onClick={() => { onAction({ member, action: 'end' }); }}
                      testId={`household-member-end-${member.person.id}`}>
                      {t('members.end')}
                      <span className="visually-hidden"> {t('members.of', { name })}</span>
                    </Button>
                  </div>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
