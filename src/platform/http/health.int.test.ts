import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { clock } from '../time/clock.ts';
import type { App } from './feature.ts';
import { platformFeature } from './platform-feature.ts';
import { buildServer } from './server.ts';

describe('readiness and API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('health says the database answers and every migration is applied, each check by name', async () => {
    for (const url of ['/api/health', '/api/health/ready']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'ok',
        database: 'ok',
        pendingMigrations: 0,
        checks: { database: 'ok', migrations: 'ok', pool: 'ok', storage: 'ok', shutdown: 'ok' },
      });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health/live' })).json()).toEqual({ status: 'ok' });
  });

  it('readiness turns 503 for a while after a write failed for a full disk, and while the server drains', async () => {
    t.app.runtime.diskFullAtMs = clock.nowMs();
    const full = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(full.statusCode).toBe(503);
    expect(full.json()).toMatchObject({ status: 'unavailable', checks: { storage: 'full', database: 'ok' } });
    t.app.runtime.diskFullAtMs = undefined;

    t.app.runtime.shuttingDown = true;
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ checks: { shutdown: 'draining' } });
      expect((await t.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
      const refused = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.json()).toMatchObject({ messageEn: 'The server is shutting down for maintenance: try again in a moment.' });
    } finally {
      t.app.runtime.shuttingDown = false;
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('readiness says storage is unwritable when the documents folder cannot take a file', async () => {
    const notAFolder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trama-docs-')), 'file');
    fs.writeFileSync(notAFolder, '');
    const config = { ...t.config, documentsDir: notAFolder };
    const app = await buildServer({ context: { database: t.database, config }, features: [platformFeature], logger: false });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ checks: { storage: 'unwritable', database: 'ok' } });
    } finally {
      await app.close();
    }
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

  it('sends a request id, no-store caching and the security headers on API answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // Plain HTTP (no secure cookies): no HSTS, which would lock browsers out of an intranet address.
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('the API documentation alone may use inline styles; its scripts stay on the own origin', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    const csp = docs.headers['content-security-policy'];
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']).toContain("style-src 'self'");
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});

describe('the web app beside the API', () => {
  let t: TestApp;
  let web: App;
  let webDir: string;
  beforeAll(async () => {
    t = await startTestApp();
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-web-'));
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

  it('serves its pages under a Content-Security-Policy without inline script, and HSTS once cookies are secure', async () => {
    const page = await web.inject({ method: 'GET', url: '/registry/persons/123' });
    const csp = page.headers['content-security-policy'] as string;
    expect(csp.split(';')).toEqual(
      expect.arrayContaining(["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "img-src 'self' data:", "object-src 'none'"]),
    );
    expect(csp).not.toContain('unsafe');
    expect(page.headers['strict-transport-security']).toBeUndefined();

    const secure = await buildServer({ context: { database: t.database, config: { ...t.config, secureCookies: true } }, features: [], webDir, logger: false });
    try {
      const behindTls = await secure.inject({ method: 'GET', url: '/' });
      expect(behindTls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(behindTls.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });
});
