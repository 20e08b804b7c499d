import type { LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { App } from '../../src/platform/http/feature.ts';
import { DEMO_PASSWORD } from '../../src/demo/demo-territory.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function startTestApp(overrides: Partial<Config> = {}, databaseOptions: Parameters<typeof openTestDatabase>[0] = {}): Promise<TestApp> {
  const database = await openTestDatabase(databaseOptions);
  const config = loadConfig({ databaseUrl: undefined, ...overrides });
  const app = await createApp({ database, config }, { logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * An account an administrator created must change its password at the first sign-in
 * (src/platform/auth/password-change.int.test.ts proves it). Tests that only need the account mark it as
 * if its owner had already chosen the password it has.
 */
export async function passwordChosenByOwner(database: Database, userId: string): Promise<void> {
  await database.db.updateTable('app_user').set({ must_change_password: false }).where('id', '=', userId).execute();
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A logged-in browser, reduced to what the API sees: the session cookie and the CSRF token. */
export interface Client {
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  json<T = unknown>(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  csrfToken: string;
  cookie: string;
}

export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'trama_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  const request = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      cookies: { trama_session: cookie.value },
      headers: { 'x-csrf-token': csrfToken, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    csrfToken,
    cookie: cookie.value,
    request,
    json: async <T>(method: Method, url: string, body?: unknown, headers?: Record<string, string>) => {
      const response = await request(method, url, body, headers);
      return { status: response.statusCode, body: response.json<T>() };
    },
  };
}
