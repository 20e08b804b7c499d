import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { App } from './feature.ts';
import { buildServer } from './server.ts';

describe('readiness and API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('health says the database answers and every migration is applied', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok', pendingMigrations: 0 });
  });

  it('serves an OpenAPI 3.1 document generated from the zod schemas, and the interactive docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/persons', '/api/persons/{id}', '/api/auth/login']));
    expect(JSON.stringify(doc.paths['/api/persons'])).toContain('fiscalCode');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('sends a request id and no-store caching on API answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('the web app beside the API', () => {
  let t: TestApp;
  let web: App;
  beforeAll(async () => {
    t = await startTestApp();
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Trama</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
    web = await buildServer({ context: { database: t.database, config: t.config }, features: [], webDir, logger: false });
  });
  afterAll(async () => {
    await web.close();
    await t.close();
  });

  it('gives the app on a client-side route, the file when it exists, and 404 for a file that does not', async () => {
    const page = await web.inject({ method: 'GET', url: '/registry/persons/123?tab=history' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Trama</title>');
    expect((await web.inject({ method: 'GET', url: '/assets/app-1.js' })).body).toContain('console.log');
    const stale = await web.inject({ method: 'GET', url: '/assets/app-0-old.js' });
    expect(stale.statusCode).toBe(404);
    expect(stale.headers['content-type']).toContain('application/json');
  });
});
