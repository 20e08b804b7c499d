import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

const CASTEL_MAGGIORE = '037019';
const REQUEST = 'Sfratto esecutivo tra due settimane, chiede aiuto urgente per la casa.';

describe('accesses and the intake queue in the browser', () => {
  const session = useE2eSession();

  const signIn = (page: Page, username: string) => session.signIn(page, username);

  it('front desk records a referral for a person from the person page; the manager assigns it in the queue', async () => {
    const person = await session.server.database.db
      .selectFrom('person')
      .select(['id', 'family_name', 'given_name'])
      .where('municipality_code', '=', CASTEL_MAGGIORE)
      .orderBy('family_name')
      .executeTakeFirstOrThrow();
    const name = `${person.family_name} ${person.given_name}`;

    const desk = await session.browser.newPage();
    await signIn(desk, 'sportello');
    await desk.goto(`${session.server.url}/registry/persons/${person.id}`);
    await desk.getByTestId('person-accesses').waitFor();
    await expectAccessible(desk, 'person page with accesses');
    await desk.getByTestId('person-record-access').click();
    await desk.getByTestId('access-form').waitFor();
    expect(await desk.getByTestId('access-beneficiary').inputValue()).toBe(name);
    await desk.getByTestId('access-municipality').selectOption(CASTEL_MAGGIORE);
    await desk.getByTestId('access-channel-phone').check();
    await desk.getByTestId('access-need-area').selectOption('POV');
    await desk.getByTestId('access-request').fill(REQUEST);
    await desk.getByTestId('access-outcome-referral').check();
    // Submitting without the urgency: the form says what is missing, and nothing is sent.
    await desk.getByTestId('access-submit').click();
    await desk.getByTestId('error-summary').waitFor();
    await expectAccessible(desk, 'access form with an error');
    await desk.getByTestId('access-urgency-urgent').check();
    await desk.getByTestId('access-submit').click();
    await desk.getByTestId('access-created').waitFor();
    const first = desk.getByTestId('person-access').first();
    expect(await first.innerText()).toContain(REQUEST);
    expect(await desk.getByTestId('person-access-referral').first().innerText()).toMatch(/Urgente|urgent/i);
    await expectAccessible(desk, 'person timeline after the referral');

    await desk.getByTestId('nav-accesses').click();
    await desk.getByTestId('accesses-table').waitFor();
    expect(await desk.getByTestId('access-row').first().innerText()).toContain(REQUEST);
    await expectAccessible(desk, 'accesses list');
    expect(await desk.getByTestId('nav-intake').count()).toBe(0);
    await desk.close();

    const manager = await session.browser.newPage();
    await signIn(manager, 'responsabile');
    await manager.getByTestId('nav-intake').click();
    await manager.getByTestId('intake-table').waitFor();
    const row = manager.getByTestId('intake-row').filter({ hasText: REQUEST });
    await row.waitFor();
    expect(await row.innerText()).toContain(name);
    await expectAccessible(manager, 'intake queue');
    await row.getByTestId('intake-assign').click();
    await manager.getByTestId('assign-worker').waitFor();
    await expectAccessible(manager, 'assign dialog');
    const options = await manager.getByTestId('assign-worker').locator('option').allInnerTexts();
    expect(options.some((o) => o.includes('Marco Bianchi'))).toBe(true);
    expect(options.some((o) => o.includes('Giulia Ferri'))).toBe(false);
    const value = await manager.getByTestId('assign-worker').locator('option', { hasText: 'Marco Bianchi' }).getAttribute('value');
    await manager.getByTestId('assign-worker').selectOption(value ?? '');
    await manager.getByTestId('assign-dialog-submit').click();
    await manager.getByTestId('intake-notice').waitFor();
    // The queue is read again after the notice: wait for the row to show the assignment.
    await manager.getByTestId('intake-row').filter({ hasText: REQUEST }).filter({ hasText: 'Marco Bianchi' }).waitFor();
    await manager.close();

    const worker = await session.browser.newPage();
    await signIn(worker, 'assistente');
    await worker.getByTestId('nav-intake').click();
    await worker.getByTestId('intake-table').waitFor();
    await worker.getByTestId('intake-row').filter({ hasText: REQUEST }).waitFor();
    expect(await worker.getByTestId('intake-view-mine').isChecked()).toBe(true);
    await worker.close();
  });

  it('official: access statistics with small counts hidden and no personal data', async () => {
    const page = await session.browser.newPage();
    await signIn(page, 'assessore');
    await page.getByTestId('nav-accessStats').click();
    await page.getByTestId('access-stats-table').waitFor();
    await expectAccessible(page, 'access statistics');
    expect(await page.getByTestId('suppressed').count()).toBeGreaterThan(0);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(REQUEST);
    expect(text).not.toMatch(/[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]/);
    expect(await page.getByTestId('nav-accesses').count()).toBe(0);
    await page.close();
  });
});
