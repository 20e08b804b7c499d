import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-territory.ts';
import type { UserView } from '../../features/users/users.schemas.ts';

describe('password policy and passwords set by the administrator', () => {
  let t: TestApp;
  let admin: Client;
  let unionId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t.app, 'admin');
    const groups = await admin.json<{ id: string; name: string }[]>('GET', '/api/territories/groups');
    unionId = groups.body.find((g) => g.name === 'Unione Reno Galliera')!.id;
  });
  afterAll(() => t.close());

  async function createDeskUser(username: string, password: string): Promise<UserView> {
    const created = await admin.json<UserView>('POST', '/api/users', { username, displayName: 'Nuova Persona', password });
    expect(created.status).toBe(200);
    await admin.json('POST', `/api/users/${created.body.id}/grants`, { role: 'front_desk', territoryKind: 'union', territoryId: unionId });
    return created.body;
  }

  it('the administrator cannot set a common password or one made of the username', async () => {
    const common = await admin.request('POST', '/api/users', { username: 'g.neri', displayName: 'Gino Neri', password: 'Password2024!' });
    expect(common.statusCode).toBe(400);
    expect(common.json().details[0]).toMatchObject({ path: 'password', message: expect.stringContaining('non sia tra le più comuni') });
    const own = await admin.request('POST', '/api/users', { username: 'g.neri', displayName: 'Gino Neri', password: 'G.Neri-2026-bologna' });
    expect(own.statusCode).toBe(400);
    expect(own.json().details[0].messageEn).toContain('must not contain the username');
  });

  it('a new user must change the password first: other work is refused with a clear 403 until then', async () => {
    const user = await createDeskUser('l.gialli', 'campanile-nebbia-42');
    expect(user.mustChangePassword).toBe(true);
    const client = await login(t.app, 'l.gialli', 'campanile-nebbia-42');
    const me = await client.json<{ mustChangePassword: boolean }>('GET', '/api/auth/me');
    expect(me.body.mustChangePassword).toBe(true);
    const refused = await client.request('GET', '/api/persons?q=ro');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringContaining('cambiala prima di continuare') });

    const same = await client.request('POST', '/api/auth/password', { currentPassword: 'campanile-nebbia-42', newPassword: 'campanile-nebbia-42' });
    expect(same.statusCode).toBe(400);
    expect(same.json().details[0]).toMatchObject({ path: 'newPassword', message: expect.stringContaining('diversa da quella attuale') });
    const common = await client.request('POST', '/api/auth/password', { currentPassword: 'campanile-nebbia-42', newPassword: 'qwertyuiop123' });
    expect(common.json().details[0].path).toBe('newPassword');
    const named = await client.request('POST', '/api/auth/password', { currentPassword: 'campanile-nebbia-42', newPassword: 'l.gialli-2026!!' });
    expect(named.json().details[0].message).toContain('nome utente');

    expect((await client.request('POST', '/api/auth/password', { currentPassword: 'campanile-nebbia-42', newPassword: 'tre-gatti-sul-tetto' })).statusCode).toBe(200);
    expect((await client.json<{ mustChangePassword: boolean }>('GET', '/api/auth/me')).body.mustChangePassword).toBe(false);
    expect((await client.request('GET', '/api/persons?q=ro')).statusCode).toBe(200);
  });

  it('a password reset by the administrator must be changed again at the next sign-in', async () => {
    const user = await createDeskUser('r.blu', 'faro-scogliera-77');
    const first = await login(t.app, 'r.blu', 'faro-scogliera-77');
    expect((await first.request('POST', '/api/auth/password', { currentPassword: 'faro-scogliera-77', newPassword: 'vento-di-maestrale' })).statusCode).toBe(200);
    expect((await admin.request('POST', `/api/users/${user.id}/password`, { password: 'mulino-pietra-31' })).statusCode).toBe(200);
    const again = await login(t.app, 'r.blu', 'mulino-pietra-31');
    expect((await again.request('GET', '/api/persons?q=ro')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const reset = await admin.request('POST', `/api/users/${user.id}/password`, { password: 'qwertyuiop123' });
    expect(reset.statusCode).toBe(400);
  });

  it('demo users sign in with the demo password and are not asked to change it', async () => {
    const desk = await login(t.app, 'sportello', DEMO_PASSWORD);
    expect((await desk.json<{ mustChangePassword: boolean }>('GET', '/api/auth/me')).body.mustChangePassword).toBe(false);
    expect((await desk.request('GET', '/api/persons?q=ro')).statusCode).toBe(200);
  });
});
