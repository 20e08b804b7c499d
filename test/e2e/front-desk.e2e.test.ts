import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, watchCsp } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

describe('front desk and official in the browser', () => {
  const session = useE2eSession();

  const signIn = (page: Page, username: string) => session.signIn(page, username);

  it('front desk: search, see the duplicate warning when registering, switch language', async () => {
    const page = await session.browser.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${session.server.url}/login`);
    await page.getByTestId('login-username').waitFor();
    await expectAccessible(page, 'login');
    await signIn(page, 'sportello');
    await expectAccessible(page, 'home');

    const existing = await session.server.database.db.selectFrom('person').select(['family_name', 'given_name', 'fiscal_code', 'birth_date']).where('fiscal_code', 'is not', null).orderBy('family_name').executeTakeFirstOrThrow();
    await page.getByTestId('nav-registry').click();
    // The new page's heading takes the focus, so a screen reader announces where the user arrived.
    await page.waitForFunction(() => document.activeElement?.matches('#main-content h1') === true);
    await page.getByTestId('registry-search-q').fill(existing.family_name);
    await page.getByTestId('registry-search-submit').click();
    await page.getByTestId('registry-results').waitFor();
    expect(await page.getByTestId('registry-results').innerText()).toContain(existing.family_name);
    await expectAccessible(page, 'registry search');

    await page.getByTestId('registry-new-person').click();
    await page.getByTestId('person-family-name').fill(existing.family_name);
    await page.getByTestId('person-given-name').fill(existing.given_name);
    await page.getByTestId('person-fiscal-code').fill(existing.fiscal_code!);
    await page.getByTestId('person-birth-date').fill(existing.birth_date!);
    await page.getByTestId('fiscal-code-valid').waitFor();
    await page.getByTestId('live-duplicates').waitFor();
    await expectAccessible(page, 'new person with duplicate warning');

    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('person-submit').innerText()).not.toBe('');
    await expectAccessible(page, 'new person in English');
    await page.getByTestId('lang-it').click();
    await page.waitForFunction(() => document.documentElement.lang === 'it');
    // The whole visit ran under the server's Content-Security-Policy (no inline script or style allowed): nothing refused.
    expect(await csp.violations()).toEqual([]);
    await page.close();
  });

  it('official: sees aggregate statistics and no personal data', async () => {
    const page = await session.browser.newPage();
    await signIn(page, 'assessore');
    await page.getByTestId('nav-stats').click();
    await page.getByTestId('stats-table').waitFor();
    await expectAccessible(page, 'statistics');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]/);
    expect(await page.getByTestId('nav-registry').count()).toBe(0);
    await page.goto(`${session.server.url}/registry`);
    await page.getByTestId('forbidden').waitFor();
    await page.close();
  });
});
