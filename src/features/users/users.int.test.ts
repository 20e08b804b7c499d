import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import type { Team, UserView } from './users.schemas.ts';

describe('users, grants and teams (admin)', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('creates a user, gives and removes grants on a municipality, a Union and an area', async () => {
    const created = await admin.json<UserView>('POST', '/api/users', { username: 'm.verdi', displayName: 'Maria Verdi', email: 'm.verdi@example.it', password: 'password-sicura-1' });
    expect(created.status).toBe(200);
    const groups = await admin.json<{ id: string; name: string }[]>('GET', '/api/territories/groups');
    const union = groups.body.find((g) => g.name === 'Unione Reno Galliera')!;
    const areas = await admin.json<{ id: string; name: string }[]>('GET', '/api/territories/areas?municipalityCode=037006');
    const navile = areas.body.find((a) => a.name === 'Navile')!;

    let user = (await admin.json<UserView>('POST', `/api/users/${created.body.id}/grants`, { role: 'social_worker', territoryKind: 'union', territoryId: union.id })).body;
    user = (await admin.json<UserView>('POST', `/api/users/${created.body.id}/grants`, { role: 'front_desk', territoryKind: 'area', territoryId: navile.id })).body;
    expect(user.grants.map((g) => `${g.role}@${g.territoryName}`)).toEqual(['social_worker@Unione Reno Galliera', 'front_desk@Bologna – Navile']);

    const me = await login(t.app, 'm.verdi', 'password-sicura-1');
    const profile = await me.json<{ permissions: string[] }>('GET', '/api/auth/me');
    expect(profile.body.permissions).toContain('person.read');

    const grant = user.grants[0]!;
    const after = await admin.json<UserView>('DELETE', `/api/users/${user.id}/grants/${grant.id}`);
    expect(after.body.grants).toHaveLength(1);
  });

  it('refuses short passwords, taken usernames and territories that do not exist', async () => {
    const short = await admin.request('POST', '/api/users', { username: 'corto', displayName: 'Corto', password: 'abc' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details[0].message).toBe('La password deve avere almeno 12 caratteri.');
    const taken = await admin.request('POST', '/api/users', { username: 'sportello', displayName: 'Doppio', password: 'password-sicura-1' });
    expect(taken.statusCode).toBe(409);
    const users = await admin.json<UserView[]>('GET', '/api/users');
    const someone = users.body.find((u) => u.username === 'assistente')!;
    const nowhere = await admin.request('POST', `/api/users/${someone.id}/grants`, { role: 'front_desk', territoryKind: 'municipality', territoryId: '999999' });
    expect(nowhere.statusCode).toBe(400);
  });

  it('a deactivated user cannot log in and loses its sessions', async () => {
    const victim = await login(t.app, 'amministrativo');
    const users = await admin.json<UserView[]>('GET', '/api/users');
    const target = users.body.find((u) => u.username === 'amministrativo')!;
    expect((await admin.request('PATCH', `/api/users/${target.id}`, { isActive: false })).statusCode).toBe(200);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(login(t.app, 'amministrativo')).rejects.toThrow(/403/);
  });

  it('manages teams of social workers', async () => {
    const users = await admin.json<UserView[]>('GET', '/api/users');
    const worker = users.body.find((u) => u.username === 'assistente')!;
    const team = await admin.json<Team>('POST', '/api/teams', { name: 'Équipe minori', municipalityCode: '037019', memberIds: [worker.id] });
    expect(team.body.memberIds).toEqual([worker.id]);
    const renamed = await admin.json<Team>('PUT', `/api/teams/${team.body.id}`, { name: 'Équipe minori e famiglie', municipalityCode: '037019', memberIds: [] });
    expect(renamed.body).toMatchObject({ name: 'Équipe minori e famiglie', memberIds: [] });
  });

  it('an admin cannot add or remove its own grants', async () => {
    const me = (await admin.json<{ id: string }>('GET', '/api/auth/me')).body;
    const groups = await admin.json<{ id: string; name: string }[]>('GET', '/api/territories/groups');
    const union = groups.body.find((g) => g.name === 'Unione Reno Galliera')!;
    const before = (await admin.json<UserView[]>('GET', '/api/users')).body.find((u) => u.id === me.id)!.grants;
    const add = await admin.request('POST', `/api/users/${me.id}/grants`, { role: 'service_manager', territoryKind: 'union', territoryId: union.id });
    expect(add.statusCode).toBe(403);
    expect(add.json()).toMatchObject({ message: expect.stringContaining('proprie autorizzazioni'), messageEn: expect.stringContaining('your own grants') });
    const remove = await admin.request('DELETE', `/api/users/${me.id}/grants/${before[0]!.id}`);
    expect(remove.statusCode).toBe(403);
    const profile = await admin.json<{ permissions: string[] }>('GET', '/api/auth/me');
    expect(profile.body.permissions).not.toContain('person.read');
    expect((await admin.json<UserView[]>('GET', '/api/users')).body.find((u) => u.id === me.id)!.grants).toEqual(before);
    const logged = await t.database.db.selectFrom('admin_log').select('id').where('entity_type', '=', 'user_grant').where(sql<boolean>`after->>'userId' = ${me.id}`).execute();
    expect(logged).toEqual([]);
  });

  it('an admin grants only inside the territory of its own grants: not on Rome, nor on a team there', async () => {
    const user = await admin.json<UserView>('POST', '/api/users', { username: 'a.roma', displayName: 'Assistente Roma', password: 'password-sicura-1' });
    const rome = await admin.request('POST', `/api/users/${user.body.id}/grants`, { role: 'social_worker', territoryKind: 'municipality', territoryId: '058091' });
    expect(rome.statusCode).toBe(403);
    expect(rome.json()).toMatchObject({ message: expect.stringContaining('fuori dal territorio'), messageEn: expect.stringContaining('outside the territory you administer') });
    expect((await admin.json<UserView[]>('GET', '/api/users')).body.find((u) => u.id === user.body.id)!.grants).toEqual([]);
    const team = await admin.request('POST', '/api/teams', { name: 'Équipe Roma', municipalityCode: '058091', memberIds: [] });
    expect(team.statusCode).toBe(403);
    const inside = await admin.request('POST', `/api/users/${user.body.id}/grants`, { role: 'social_worker', territoryKind: 'municipality', territoryId: '037019' });
    expect(inside.statusCode).toBe(200);
  });

  it('only the admin manages users; the admin list carries no citizen data', async () => {
    const desk = await login(t.app, 'sportello');
    expect((await desk.request('GET', '/api/users')).statusCode).toBe(403);
    const list = await admin.request('GET', '/api/users');
    expect(list.body).not.toMatch(/"fiscalCode"|"birthDate"/);
  });
});
