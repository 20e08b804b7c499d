import { Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team, UserView } from '../../../../src/features/users/users.schemas.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import { useFormSave } from '../../platform/api/use-form-save.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { MunicipalityPicker } from '../territories/MunicipalityPicker.tsx';
import { usersApi } from './users-api.ts';

type Props = {
  team: Team | null;
  municipalityName: string | undefined;
  users: readonly UserView[];
  onSaved: () => void;
  onCancel: () => void;
};

export function TeamForm({ team, municipalityName, users, onSaved, onCancel }: Props) {
  const { t } = useTranslation(['users', 'common']);
  const [name, setName] = useState(team?.name ?? '');
  const [municipality, setMunicipality] = useState<ComboOption | null>(
    team ? { value: team.municipalityCode, label: municipalityName ?? team.municipalityCode } : null,
  );
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const { errors, failure, busy, showErrors, save } = useFormSave();

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (name.trim().length < 2) next.name = t('validation.displayName');
    if (!municipality) next.municipalityCode = t('common:form.required');
    if (!municipality || Object.keys(next).length) {
      showErrors(next);
      return;
    }
    const body = { name: name.trim(), municipalityCode: municipality.value, memberIds };
    await save(async () => {
      if (team) await usersApi.updateTeam(team.id, body);
      else await usersApi.createTeam(body);
      onSaved();
    });
  };

  const title = team ? t('teams.editNamed', { name: team.name }) : t('teams.new');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card card-bg p-3 mt-3" aria-labelledby="team-form-title">
      <h2 id="team-form-title" className="h4">{title}</h2>
      <ErrorAlert error={failure} />
      <TextField id="team-name" label={t('teams.name')} value={name} onChange={setName} error={errors.name} required />
      <MunicipalityPicker id="team-municipality" label={t('teams.municipality')} selected={municipality}
        onSelect={setMunicipality} error={errors.municipalityCode} required />
      <fieldset className="mb-3">
        <legend className="h6">{t('teams.members')}</legend>
        {users.length === 0 ? <p>{t('teams.noUsers')}</p> : null}
        {users.map((user) => (
          <CheckboxField
            key={user.id}
            id={`team-member-${user.id}`}
            label={`${user.displayName} (${user.username})`}
            checked={memberIds.includes(user.id)}
            onChange={(checked) => { setMemberIds((ids) => (checked ? [...ids, user.id] : ids.filter((x) => x !== user.id))); }
            }
          />
        ))}
      </fieldset>
      <div className="d-flex flex-wrap gap-2">
        <Button color="primary" type="submit" disabled={busy} testId="team-save">
          {busy ? t('common:actions.saving') : t('common:actions.save')}
        </Button>
        <Button color="primary" outline type="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
