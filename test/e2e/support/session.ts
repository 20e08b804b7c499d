import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/demo/demo-territory.ts';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface E2eSession {
  server: RunningServer;
  browser: Browser;
  /** Logs a demo user in on the page and waits for the signed-in layout. */
  signIn(page: Page, username: string): Promise<void>;
}

/** Starts the server and Chromium before the file's tests and stops them after; read its fields inside tests. */
export function useE2eSession(): E2eSession {
  const session = {
    signIn: async (page: Page, username: string) => {
      await page.goto(`${session.server.url}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('current-user-name').waitFor();
    },
  } as E2eSession;
  beforeAll(async () => {
    session.server = await startServer();
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser.close();
    await session.server.close();
  });
  return session;
}
