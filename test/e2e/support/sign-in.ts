import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/demo/demo-territory.ts';

/** Signs a demo user in through the login page and waits for the signed-in header. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user-name').waitFor();
  // Signed in, the app leaves /login for the page asked for: wait for it, or a click made now could be
  // undone by that redirect.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
