import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-territory.ts';

describe('login, sessions, lock and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ loginMaxFailures: 3 });
  });
  afterAll(() => t.close());

  it('logs in with the right password and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sportello', password: DEMO_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'trama_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const me: { username: string; grants: { role: string; territoryName: string }[]; permissions: string[] } = response.json();
    expect(me.username).toBe('sportello');
    expect(me.grants[0]).toMatchObject({ role: 'front_desk', territoryName: 'Unione Reno Galliera' });
    expect(me.permissions).toContain('person.read');
  });

  it('stores argon2id hashes, never the password', async () => {
    const row = await t.database.db.selectFrom('app_user').select('password_hash').where('username', '=', 'sportello').executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(DEMO_PASSWORD);
  });

  it('refuses a wrong password with a bilingual message', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'assistente', password: 'not the password' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ message: 'Nome utente o password non corretti.', messageEn: 'Wrong username or password.' });
  });

  it('throttles a username after repeated failures, even with the right password afterwards', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'amministrativo', password: `wrong-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'amministrativo', password: DEMO_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toContain('riprova tra 30 secondi');
    expect(blocked.headers['retry-after']).toBe('30');
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const client = await login(t.app, 'sportello');
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/lock', cookies: { trama_session: client.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF');
  });

  it('a locked session sees no personal data until the password is given again', async () => {
    const client = await login(t.app, 'sportello');
    expect((await client.request('GET', '/api/persons?q=ro')).statusCode).toBe(200);
    expect((await client.request('POST', '/api/auth/lock')).statusCode).toBe(200);
    const locked = await client.request('GET', '/api/persons?q=ro');
    expect(locked.statusCode).toBe(423);
    expect(locked.body).not.toContain('fiscalCode');
    expect((await client.json<{ isLocked: boolean }>('GET', '/api/auth/me')).body.isLocked).toBe(true);
    expect((await client.request('POST', '/api/auth/unlock', { password: 'wrong password!' })).statusCode).toBe(401);
    expect((await client.request('POST', '/api/auth/unlock', { password: DEMO_PASSWORD })).statusCode).toBe(200);
    expect((await client.request('GET', '/api/persons?q=ro')).statusCode).toBe(200);
  });

  it('locks on the server when the session was idle past the lock threshold', async () => {
    const client = await login(t.app, 'responsabile');
    await sql`UPDATE session SET last_seen_at = trama_now() - interval '6 minutes' WHERE locked_at IS NULL AND revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = 'responsabile')`.execute(t.database.db);
    expect((await client.request('GET', '/api/persons?q=ro')).statusCode).toBe(423);
  });

  it('expires a session idle past the idle timeout', async () => {
    const client = await login(t.app, 'assessore');
    await sql`UPDATE session SET last_seen_at = trama_now() - interval '31 minutes' WHERE user_id = (SELECT id FROM app_user WHERE username = 'assessore')`.execute(t.database.db);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('logout ends the session', async () => {
    const client = await login(t.app, 'assistente');
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('an admin revokes all sessions of a user', async () => {
    const victim = await login(t.app, 'fornitore');
    const admin = await login(t.app, 'admin');
    const users = await admin.json<{ id: string; username: string }[]>('GET', '/api/users');
    const target = users.body.find((u) => u.username === 'fornitore');
    expect((await admin.request('POST', `/api/users/${target?.id}/revoke-sessions`)).statusCode).toBe(200);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('changing one’s password needs the current one and at least 12 characters', async () => {
    const client = await login(t.app, 'cittadino');
    const short = await client.request('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details[0].message).toContain('12');
    const wrong = await client.request('POST', '/api/auth/password', { currentPassword: 'not-my-password', newPassword: 'a-new-long-password' });
    // A field error, not a 401: the web app must not take a typo for an ended session.
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0].path).toBe('currentPassword');
    expect((await client.request('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a-new-long-password' })).statusCode).toBe(200);
    await expect(login(t.app, 'cittadino', 'a-new-long-password')).resolves.toBeDefined();
  });
});
