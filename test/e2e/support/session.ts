import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { signIn } from './sign-in.ts';

export interface E2eSession {
  server: RunningServer;
  browser: Browser;
  /** Logs a demo user in on the page and waits for the signed-in layout. */
  signIn(page: Page, username: string): Promise<void>;
}

/** Starts the server and Chromium before the file's tests and stops them after; read its fields inside tests. */
export function useE2eSession(): E2eSession {
  const session = {
    signIn: (page: Page, username: string) => signIn(page, session.server.url, username),
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
