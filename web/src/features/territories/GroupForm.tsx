import { Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupKind, TerritoryGroup } from '../../../../src/features/territories/territories.schemas.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import { useFormSave } from '../../platform/api/use-form-save.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { MunicipalityPicker } from './MunicipalityPicker.tsx';
import { territoriesApi } from './territories-api.ts';

type Props = { group: TerritoryGroup | null; onSaved: () => void; onCancel: () => void };

export function GroupForm({ group, onSaved, onCancel }: Props) {
  const { t } = useTranslation(['territories', 'common']);
  const [kind, setKind] = useState<GroupKind>(group?.kind ?? 'union');
  const [name, setName] = useState(group?.name ?? '');
  const [members, setMembers] = useState<ComboOption[]>(
    group?.municipalities.map((m) => ({ value: m.istatCode, label: m.name })) ?? [],
  );
  const { errors, failure, busy, showErrors, save } = useFormSave();

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (name.trim().length < 2) next.name = t('groups.nameTooShort');
    if (!members.length) next.municipalityCodes = t('groups.membersRequired');
    if (Object.keys(next).length) {
      showErrors(next);
      return;
    }
    const body = { kind, name: name.trim(), municipalityCodes: members.map((m) => m.value) };
    await save(async () => {
      if (group) await territoriesApi.updateGroup(group.id, body);
      else await territoriesApi.createGroup(body);
      onSaved();
    });
  };

  const title = group ? t('groups.editTitle', { name: group.name }) : t('groups.newTitle');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card card-bg p-3 mt-3" aria-label={title}>
      <h3 className="h5">{title}</h3>
      <ErrorAlert error={failure} />
      <SelectField
        id="group-kind"
        label={t('groups.kind')}
        value={kind}
        onChange={(value) => { setKind(value === 'district' ? 'district' : 'union'); }}
        options={[
          { value: 'union', label: t('common:territoryKinds.union') },
          { value: 'district', label: t('common:territoryKinds.district') },
        ]}
        required
      />
      <TextField id="group-name" label={t('groups.name')} value={name} onChange={setName} error={errors.name} required />
      <MunicipalityPicker
        id="group-add-municipality"
        label={t('groups.addMunicipality')}
        selected={null}
        clearOnSelect
        onSelect={(option) => {
          if (option && !members.some((m) => m.value === option.value)) setMembers([...members, option]);
        }}
        error={errors.municipalityCodes}
        hint={t('groups.addMunicipalityHint')}
      />
      <h4 className="h6" id="group-members-title">
        {t('groups.members', { count: members.length })}
      </h4>
      <ul className="list-unstyled d-flex flex-wrap gap-2" aria-labelledby="group-members-title" data-testid="group-members">
        {members.map((m) => (
          <li key={m.value} className="chip chip-simple">
            <span className="chip-label">{m.label}</span>
            <button
              type="button"
              className="btn btn-link btn-sm p-0 ms-1"
              onClick={() => { setMembers(members.filter((x) => x.value !== m.value)); }}
              aria-label={t('groups.removeMunicipality', { name: m.label })}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="d-flex flex-wrap gap-2">
        <Button color="primary" type="submit" disabled={busy} testId="group-save">
          {busy ? t('common:actions.saving') : t('common:actions.save')}
        </Button>
        <Button color="primary" outline type="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
