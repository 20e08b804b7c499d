import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, passwordChosenByOwner, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { CASTEL_MAGGIORE, unionId } from '../accesses/access-test-kit.ts';
import { addGrant } from '../users/grants.service.ts';
import type { UserView } from '../users/users.schemas.ts';
import type { AdminLogEntry, AdminLogPage } from './admin-log.schemas.ts';

const ROMA = '058091';
const PASSWORD = 'una-password-lunga-e-nuova';

describe('administration trail', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t.app, 'admin');
    manager = await login(t.app, 'responsabile');
    adminId = (await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const trail = async (client: Client, query: Record<string, string>): Promise<AdminLogEntry[]> => {
    const reply = await client.json<AdminLogPage>('GET', `/api/admin-log?${new URLSearchParams({ pageSize: '200', ...query }).toString()}`);
    expect(reply.status).toBe(200);
    return reply.body.items;
  };
  /** The newest row about one entity, as the admin reads it. */
  const latest = async (entityType: string, entityId: string) => (await trail(admin, { entityType, entityId }))[0];

  it('every change to a user, its grants and teams leaves a row with who, what, before and after — never the password', async () => {
    const created = await admin.json<UserView>('POST', '/api/users', { username: 'l.trail', displayName: 'Lucia Traccia', password: PASSWORD });
    const id = created.body.id;
    expect(await latest('user', id)).toMatchObject({ action: 'create', actorId: adminId, actorDisplayName: 'Amministratore di sistema', before: null, after: { username: 'l.trail', displayName: 'Lucia Traccia', isActive: true } });

    await admin.json('PATCH', `/api/users/${id}`, { displayName: 'Lucia Tracciata' });
    expect(await latest('user', id)).toMatchObject({ action: 'update', before: { displayName: 'Lucia Traccia' }, after: { displayName: 'Lucia Tracciata' } });

    const union = await unionId(t);
    const granted = await admin.json<UserView>('POST', `/api/users/${id}/grants`, { role: 'social_worker', territoryKind: 'union', territoryId: union });
    const grantId = granted.body.grants[0]!.id;
    expect(await latest('user_grant', grantId)).toMatchObject({ action: 'grant_add', before: null, after: { userId: id, role: 'social_worker', territoryName: 'Unione Reno Galliera' } });

    await admin.json('POST', `/api/users/${id}/password`, { password: 'la-password-segreta-1' });
    const reset = await latest('user', id);
    expect(reset).toMatchObject({ action: 'password_reset', before: null, after: null });

    await admin.json('PATCH', `/api/users/${id}`, { isActive: false });
    expect(await latest('user', id)).toMatchObject({ action: 'disable', before: { isActive: true }, after: { isActive: false } });

    await admin.json('DELETE', `/api/users/${id}/grants/${grantId}`);
    expect(await latest('user_grant', grantId)).toMatchObject({ action: 'grant_remove', before: { role: 'social_worker', territoryKind: 'union' }, after: null });

    const team = await admin.json<{ id: string }>('POST', '/api/teams', { name: 'Équipe traccia', municipalityCode: CASTEL_MAGGIORE, memberIds: [id] });
    expect(await latest('team', team.body.id)).toMatchObject({ action: 'create', before: null, after: { name: 'Équipe traccia', memberIds: [id] } });
    await admin.json('PUT', `/api/teams/${team.body.id}`, { name: 'Équipe traccia 2', municipalityCode: CASTEL_MAGGIORE, memberIds: [] });
    expect(await latest('team', team.body.id)).toMatchObject({ action: 'update', before: { name: 'Équipe traccia', memberIds: [id] }, after: { name: 'Équipe traccia 2', memberIds: [] } });

    const stored = await t.database.db.selectFrom('admin_log').select(sql<string>`coalesce(before::text, '') || ' ' || coalesce(after::text, '')`.as('text')).where('entity_id', '=', id).execute();
    for (const row of stored) expect(row.text).not.toMatch(/password|argon2|la-password-segreta|una-password-lunga/);
  });

  it('settings changes by the manager and the territories admin are in the trail with before and after', async () => {
    const before = (await manager.json<{ inactivityDays: number }>('GET', '/api/case-settings/settings')).body.inactivityDays;
    await manager.json('PUT', '/api/case-settings/settings', { inactivityDays: before + 5 });
    expect(await latest('case_settings', 'case_settings')).toMatchObject({ action: 'update', before: { inactivityDays: before }, after: { inactivityDays: before + 5 }, municipalityCodes: null });

    const template = { name: 'Convocazione traccia', language: 'it', subject: 'Convocazione', body: 'Gentile {{person.fullName}}, la aspettiamo.', isActive: true };
    const made = await manager.json<{ id: string }>('POST', '/api/case-settings/letter-templates', template);
    await manager.json('PUT', `/api/case-settings/letter-templates/${made.body.id}`, { ...template, subject: 'Nuova convocazione' });
    expect(await latest('letter_template', made.body.id)).toMatchObject({ action: 'update', before: { subject: 'Convocazione' }, after: { subject: 'Nuova convocazione' } });

    const procedure = await manager.json<{ id: string }>('POST', '/api/case-settings/procedure-types', { code: 'TRAIL_TEST', name: 'Prova traccia', legalDeadlineDays: 30 });
    expect(await latest('procedure_type', procedure.body.id)).toMatchObject({ action: 'create', after: { code: 'TRAIL_TEST', legalDeadlineDays: 30 } });

    const service = await manager.json<{ id: string }>('POST', '/api/services', { code: 'x9.77', name: 'Servizio traccia', needAreas: ['FAM'], kind: 'home_care', unit: 'hours' });
    expect(await latest('service', service.body.id)).toMatchObject({ action: 'create', after: { code: 'X9.77', name: 'Servizio traccia' } });
    await manager.json('PUT', `/api/services/${service.body.id}/arrangements/${CASTEL_MAGGIORE}`, { titleHolder: 'union', delivery: 'direct', functionMode: 'delegated' });
    expect(await latest('service_arrangement', `${service.body.id}/${CASTEL_MAGGIORE}`)).toMatchObject({ action: 'create', after: { titleHolder: 'union' }, municipalityCodes: [CASTEL_MAGGIORE] });

    const office = await manager.json<{ id: string }>('POST', '/api/offices', { municipalityCode: CASTEL_MAGGIORE, name: 'Sede traccia' });
    await manager.json('PUT', `/api/offices/${office.body.id}`, { name: 'Sede traccia nuova' });
    expect(await latest('office', office.body.id)).toMatchObject({ action: 'update', before: { name: 'Sede traccia' }, after: { name: 'Sede traccia nuova' } });

    const area = await admin.json<{ id: string }>('POST', '/api/territories/areas', { municipalityCode: '037006', name: 'Quartiere traccia' });
    expect(await latest('area', area.body.id)).toMatchObject({ action: 'create', actorId: adminId, after: { name: 'Quartiere traccia' }, municipalityCodes: ['037006'] });
  });

  it('refuses to change or delete its rows, even in SQL', async () => {
    const { db } = t.database;
    const [row] = await db.selectFrom('admin_log').select('id').orderBy('id').limit(1).execute();
    expect(row).toBeDefined();
    await expect(sql`UPDATE admin_log SET action = 'update' WHERE id = ${row!.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM admin_log WHERE id = ${row!.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE admin_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('admin_log').select('id').where('id', '=', row!.id).execute()).toHaveLength(1);
  });

  it('a manager sees the trail of its territory and the installation-wide settings, not another territory’s', async () => {
    // A manager in Rome, given by the command line: no admin of the demo may grant there.
    const roma = await admin.json<UserView>('POST', '/api/users', { username: 'resp.roma', displayName: 'Responsabile Roma', password: PASSWORD });
    await addGrant(t.database.db, null, roma.body.id, { role: 'service_manager', territoryKind: 'municipality', territoryId: ROMA });
    await passwordChosenByOwner(t.database, roma.body.id);
    const romaManager = await login(t.app, 'resp.roma', PASSWORD);

    const worker = await admin.json<UserView>('POST', '/api/users', { username: 'a.unione', displayName: 'Assistente Unione', password: PASSWORD });
    const granted = await admin.json<UserView>('POST', `/api/users/${worker.body.id}/grants`, { role: 'social_worker', territoryKind: 'union', territoryId: await unionId(t) });
    const grantId = granted.body.grants[0]!.id;

    expect(await trail(manager, { entityType: 'user_grant', entityId: grantId })).toHaveLength(1);
    expect(await trail(romaManager, { entityType: 'user_grant', entityId: grantId })).toEqual([]);
    const romaSees = await trail(romaManager, {});
    expect(romaSees.every((row) => row.municipalityCodes === null || row.municipalityCodes.includes(ROMA))).toBe(true);
    expect(romaSees.some((row) => row.entityType === 'user_grant' && row.entityId !== grantId && row.after && (row.after as { territoryId?: string }).territoryId === ROMA)).toBe(true);

    const desk = await login(t.app, 'sportello');
    expect((await desk.request('GET', '/api/admin-log')).statusCode).toBe(403);
  });

  it('filters by entity, actor and period and pages the result', async () => {
    const mine = await trail(admin, { actorId: adminId, entityType: 'user' });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((row) => row.actorId === adminId && row.entityType === 'user')).toBe(true);
    const page = await admin.json<AdminLogPage>('GET', '/api/admin-log?pageSize=1&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
    expect(await trail(admin, { from: '2000-01-01', to: '2000-01-31' })).toEqual([]);
    const bad = await admin.request('GET', '/api/admin-log?entityType=password');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ message: expect.any(String), messageEn: expect.any(String) });
  });
});
