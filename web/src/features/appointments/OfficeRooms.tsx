import { Button } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office, Room } from '../../../../src/features/appointments/rooms.schemas.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { appointmentsApi } from './appointments-api.ts';

type Draft = { name: string; isProtected: boolean; isActive: boolean };

function RoomRow({ room, onSaved }: { room: Room; onSaved: () => void }) {
  const { t } = useTranslation(['appointments', 'common']);
  const [draft, setDraft] = useState<Draft>({ name: room.name, isProtected: room.isProtected, isActive: room.isActive });
  const [failure, setFailure] = useState<unknown>(null);
  const save = async () => {
    setFailure(null);
    try {
      await appointmentsApi.updateRoom(room.id, draft);
      onSaved();
    } catch (error) {
      setFailure(error);
    }
  };
  const id = `room-${room.id}`;
  return (
    <tr data-testid="room-row">
      <td>
        <TextField id={`${id}-name`} label={t('rooms.roomName')} value={draft.name} onChange={(name) => { setDraft({ ...draft, name }); }} className="mb-0" />
        <ErrorAlert error={failure} />
      </td>
      <td>
        <CheckboxField id={`${id}-protected`} label={t('rooms.protected')} checked={draft.isProtected} onChange={(isProtected) => { setDraft({ ...draft, isProtected }); }} />
      </td>
      <td>
        <CheckboxField id={`${id}-active`} label={t('rooms.active')} checked={draft.isActive} onChange={(isActive) => { setDraft({ ...draft, isActive }); }} />
      </td>
      <td>
        <Button color="primary" outline size="sm" onClick={() => void save()} aria-label={t('rooms.saveRoom', { name: room.name })} testId={`${id}-save`}>
          {t('common:actions.save')}
        </Button>
      </td>
    </tr>
  );
}

/** An office's rooms, each editable in place, and a form to add one. */
export function OfficeRooms({ office, onChanged }: { office: Office; onChanged: () => void }) {
  const { t } = useTranslation(['appointments', 'common']);
  const [draft, setDraft] = useState<Draft>({ name: '', isProtected: false, isActive: true });
  const [failure, setFailure] = useState<unknown>(null);
  const add = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    try {
      await appointmentsApi.createRoom(office.id, draft);
      setDraft({ name: '', isProtected: false, isActive: true });
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  };
  const formId = `office-${office.id}-new-room`;
  return (
    <section aria-labelledby={`office-${office.id}-title`} className="mb-5" data-testid="office">
      <h2 id={`office-${office.id}-title`} className="h4">
        {office.name} <span className="text-muted fs-6">({office.municipalityName}{office.address ? ` — ${office.address}` : ''})</span>
      </h2>
      {office.rooms.length ? (
        <DataTable caption={t('rooms.rooms', { office: office.name })} size="sm">
          <thead>
            <tr>
              <th scope="col">{t('rooms.roomName')}</th>
              <th scope="col">{t('rooms.protected')}</th>
              <th scope="col">{t('rooms.active')}</th>
              <th scope="col"><span className="visually-hidden">{t('common:actions.save')}</span></th>
            </tr>
          </thead>
          <tbody>
            {office.rooms.map((room) => <RoomRow key={`${room.id}:${room.name}:${String(room.isProtected)}:${String(room.isActive)}`} room={room} onSaved={onChanged} />)}
          </tbody>
        </DataTable>
      ) : null}
      <form onSubmit={(event) => void add(event)} noValidate className="row align-items-end" data-testid={formId}>
        <div className="col-12 col-md-5">
          <TextField id={`${formId}-name`} label={t('rooms.roomName')} value={draft.name} onChange={(name) => { setDraft({ ...draft, name }); }} required maxLength={120} />
        </div>
        <div className="col-12 col-md-5">
          <CheckboxField id={`${formId}-protected`} label={t('rooms.protected')} checked={draft.isProtected} onChange={(isProtected) => { setDraft({ ...draft, isProtected }); }} />
        </div>
        <div className="col-12 col-md-2 mb-3">
          <Button color="primary" size="sm" type="submit" testId={`${formId}-submit`}>{t('rooms.addRoom')}</Button>
        </div>
        <ErrorAlert error={failure} />
      </form>
    </section>
  );
}
