import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { knownPermissions, PUBLIC, AUTHENTICATED } from './policy.ts';

describe('route permission inventory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('every API route declares a permission that some role holds', () => {
    const api = t.app.routeInventory.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThan(20);
    const undeclared = api.filter((r) => !r.permission);
    expect(undeclared).toEqual([]);
    const unknown = api.filter((r) => r.permission !== PUBLIC && r.permission !== AUTHENTICATED && !knownPermissions().includes(r.permission ?? ''));
    expect(unknown).toEqual([]);
  });

  it('the inventory matches the reviewed list (a change here is a permission change: review it)', async () => {
    const lines = t.app.routeInventory
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(40)} ${r.permission}`)
      .sort();
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./route-permissions.snapshot.txt');
  });

  it('only login, health, the OpenAPI document and the published calls are public', () => {
    const publicApi = t.app.routeInventory
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.permission === PUBLIC)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicApi).toEqual([
      'GET /api/health',
      'GET /api/health/live',
      'GET /api/health/ready',
      'GET /api/openapi.json',
      'GET /api/public/calls',
      'GET /api/public/calls/:id',
      'POST /api/auth/login',
    ]);
  });

  it('a route that declares nothing is refused by the guard', async () => {
    const { buildServer } = await import('../http/server.ts');
    const app = await buildServer({
      context: { database: t.database, config: t.config },
      logger: false,
      features: [{ name: 'careless', routes: (api) => api.get('/careless', async () => ({ secret: 'x' })) }],
    });
    const response = await app.inject({ method: 'GET', url: '/api/careless' });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('secret');
    await app.close();
  });
});
