import type { Actor } from '../../platform/access/actor.ts';
import { coversRecord, inScope, scopeFor, type Scope } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { APPOINTMENT_READ, ROOM_MANAGE } from './permissions.ts';
import type { Office, OfficeInput, OfficeListQuery, OfficeUpdate, Room, RoomInput } from './rooms.schemas.ts';
import { recordAdminChange } from '../admin-log/admin-log.service.ts';
import './appointments.tables.ts';
import '../territories/territories.tables.ts';

const officeNotFound = () => notFound({ it: 'Sede non trovata nei territori di competenza.', en: 'Office not found in your territories.' });
const roomNotFound = () => notFound({ it: 'Stanza non trovata nei territori di competenza.', en: 'Room not found in your territories.' });
const nameTaken = (what: 'office' | 'room') =>
  new AppError('CONFLICT', {
    message:
      what === 'office'
        ? { it: 'Esiste già una sede con questo nome nel comune.', en: 'An office with this name already exists in the municipality.' }
        : { it: 'Esiste già una stanza con questo nome nella sede.', en: 'A room with this name already exists in the office.' },
  });

/** Offices are read by whoever books appointments and by the manager who keeps them. */
function readScope(actor: Actor): Scope {
  const read = scopeFor(actor, APPOINTMENT_READ);
  const manage = scopeFor(actor, ROOM_MANAGE);
  return {
    permission: APPOINTMENT_READ,
    grants: [...read.grants, ...manage.grants],
    municipalityCodes: [...new Set([...read.municipalityCodes, ...manage.municipalityCodes])],
    areaIds: [],
  };
}

const toRoom = (row: { id: string; office_id: string; municipality_code: string; name: string; is_protected: boolean; is_active: boolean }): Room => ({
  id: row.id,
  officeId: row.office_id,
  municipalityCode: row.municipality_code,
  name: row.name,
  isProtected: row.is_protected,
  isActive: row.is_active,
});

export async function listOffices(db: Db, actor: Actor, query: OfficeListQuery): Promise<Office[]> {
  const scope = readScope(actor);
  let offices = db
    .selectFrom('office as o')
    .innerJoin('municipality as m', 'm.istat_code', 'o.municipality_code')
    .select(['o.id', 'o.municipality_code', 'o.name', 'o.address', 'm.name as municipality_name'])
    .where(inScope(scope, 'o.municipality_code'))
    .orderBy('m.name')
    .orderBy('o.name');
  if (query.municipalityCode) offices = offices.where('o.municipality_code', '=', query.municipalityCode);
  const officeRows = await offices.execute();
  if (officeRows.length === 0) return [];
  let rooms = db.selectFrom('room').selectAll().where('office_id', 'in', officeRows.map((o) => o.id)).orderBy('name');
  if (query.includeInactive !== 'true') rooms = rooms.where('is_active', '=', true);
  const roomRows = await rooms.execute();
  return officeRows.map((o) => ({
    id: o.id,
    municipalityCode: o.municipality_code,
    municipalityName: o.municipality_name,
    name: o.name,
    address: o.address,
    rooms: roomRows.filter((r) => r.office_id === o.id).map(toRoom),
  }));
}

async function officeInManageScope(db: Db, actor: Actor, officeId: string) {
  const scope = scopeFor(actor, ROOM_MANAGE);
  const office = await db.selectFrom('office').selectAll().where('id', '=', officeId).where(inScope(scope, 'municipality_code')).executeTakeFirst();
  if (!office) throw officeNotFound();
  return office;
}

async function officeById(db: Db, actor: Actor, id: string): Promise<Office> {
  const office = (await listOffices(db, actor, { includeInactive: 'true' })).find((o) => o.id === id);
  if (!office) throw officeNotFound();
  return office;
}

async function uniqueName<T>(what: 'office' | 'room', write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw nameTaken(what);
    throw error;
  }
}

export async function createOffice(db: Db, actor: Actor, input: OfficeInput): Promise<Office> {
  if (!coversRecord(scopeFor(actor, ROOM_MANAGE), input.municipalityCode, null)) {
    throw new AppError('FORBIDDEN', {
      message: { it: 'Il comune indicato non è tra i territori di competenza.', en: 'The municipality given is not among your territories.' },
    });
  }
  const row = await uniqueName('office', () =>
    db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('office')
        .values({ municipality_code: input.municipalityCode, name: input.name, address: input.address ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAdminChange(trx, actor, { entityType: 'office', entityId: created.id, action: 'create', after: created, municipalityCodes: [created.municipality_code] });
      return created;
    }),
  );
  return officeById(db, actor, row.id);
}

export async function updateOffice(db: Db, actor: Actor, id: string, input: OfficeUpdate): Promise<Office> {
  const before = await officeInManageScope(db, actor, id);
  await uniqueName('office', () =>
    db.transaction().execute(async (trx) => {
      const after = await trx.updateTable('office').set({ name: input.name, address: input.address ?? null }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await recordAdminChange(trx, actor, { entityType: 'office', entityId: id, action: 'update', before, after, municipalityCodes: [after.municipality_code] });
    }),
  );
  return officeById(db, actor, id);
}

export async function createRoom(db: Db, actor: Actor, officeId: string, input: RoomInput): Promise<Room> {
  const office = await officeInManageScope(db, actor, officeId);
  const row = await uniqueName('room', () =>
    db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('room')
        .values({ office_id: office.id, municipality_code: office.municipality_code, name: input.name, is_protected: input.isProtected, is_active: input.isActive })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAdminChange(trx, actor, { entityType: 'room', entityId: created.id, action: 'create', after: toRoom(created), municipalityCodes: [created.municipality_code] });
      return created;
    }),
  );
  return toRoom(row);
}

export async function updateRoom(db: Db, actor: Actor, roomId: string, input: RoomInput): Promise<Room> {
  const scope = scopeFor(actor, ROOM_MANAGE);
  const row = await uniqueName('room', () =>
    db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('room').selectAll().where('id', '=', roomId).where(inScope(scope, 'municipality_code')).forUpdate().executeTakeFirst();
      if (!before) throw roomNotFound();
      const after = await trx
        .updateTable('room')
        .set({ name: input.name, is_protected: input.isProtected, is_active: input.isActive })
        .where('id', '=', roomId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAdminChange(trx, actor, { entityType: 'room', entityId: roomId, action: 'update', before: toRoom(before), after: toRoom(after), municipalityCodes: [after.municipality_code] });
      return after;
    }),
  );
  return toRoom(row);
}
