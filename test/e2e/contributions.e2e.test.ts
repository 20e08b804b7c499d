import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoStage } from '../../src/demo/demo-story.ts';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';
import { dayInRome } from '../../src/platform/time/rome.ts';

describe('economic contributions in the browser', () => {
  const session = useE2eSession();

  const signIn = (page: Page, username: string) => session.signIn(page, username);

  it('a worker proposes, a colleague approves in the team meeting, the clerk checks, closes and downloads the list', async () => {
    const plan = { case_id: await demoStage(session.server.database.db, 'activePlan') };
    const reason = 'Contributo per le spese scolastiche del figlio';

    const worker = await session.browser.newPage();
    await signIn(worker, 'assistente');
    await worker.goto(`${session.server.url}/cases/${plan.case_id}`);
    await worker.getByTestId('contributions-table').waitFor();
    await expectAccessible(worker, 'case page with contributions');
    // By keyboard: Enter opens the dialog; the amount in euros becomes integer cents.
    await worker.getByTestId('contribution-add').focus();
    await worker.keyboard.press('Enter');
    await worker.getByTestId('contribution-propose-dialog').waitFor();
    await worker.locator('#contribution-kind').selectOption('one_off');
    await worker.locator('#contribution-amount').fill('123,45');
    await worker.locator('#contribution-reason').fill(reason);
    await worker.locator('#contribution-funding').selectOption('poverty_fund');
    await worker.locator('#contribution-iban').fill('IT60 X054 2811 1010 0000 0123 456');
    await expectAccessible(worker, 'propose dialog');
    await worker.locator('#contribution-iban').press('Enter');
    await worker.getByTestId('contributions-notice').waitFor();
    await worker.getByTestId('contribution-row').filter({ hasText: '€ 123,45' }).waitFor();
    const saved = await session.server.database.db.selectFrom('contribution').select(['id', 'amount_cents', 'status']).where('reason', '=', reason).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ amount_cents: 12345, status: 'proposed' });

    const colleague = await session.browser.newPage();
    await signIn(colleague, 'assistente2');
    await colleague.getByTestId('nav-teamMeeting').click();
    await colleague.getByTestId('meeting-table').waitFor();
    await expectAccessible(colleague, 'team meeting page');
    await colleague.locator('#meeting-others').fill('Dott.ssa Verdi (Ausl)');
    const row = colleague.getByTestId('meeting-row').filter({ hasText: reason });
    await row.getByTestId('meeting-decision').selectOption('approve');
    await colleague.getByTestId('meeting-submit').click();
    await colleague.getByTestId('meeting-notice').waitFor();
    expect(await colleague.getByTestId('meeting-notice').innerText()).toMatch(/1 approvati|1 approved/);
    expect((await session.server.database.db.selectFrom('contribution').select('status').where('id', '=', saved.id).executeTakeFirstOrThrow()).status).toBe('approved');

    const clerk = await session.browser.newPage();
    await signIn(clerk, 'amministrativo');
    await clerk.getByTestId('nav-paymentLists').click();
    await clerk.getByTestId('payment-lists-table').waitFor();
    await expectAccessible(clerk, 'payment lists');
    const month = dayInRome().slice(0, 7);
    // The demo's monthly rent has instalments in later months: their lists wait apart, folded.
    expect(await clerk.getByTestId('payment-lists-later').locator('summary').innerText()).toMatch(/Mesi successivi: \d+ liste?|Later months/);
    const listed = (await clerk.getByTestId('payment-lists-table').getByTestId('payment-list-row').allInnerTexts()).map((text) => /\d{4}-\d{2}/u.exec(text)?.[0] ?? '');
    expect(listed).toContain(month);
    expect(listed.filter((m) => m > month)).toEqual([]);
    await clerk.getByTestId('payment-list-row').filter({ hasText: `Castel Maggiore ${month}` }).getByRole('link').click();
    await clerk.getByTestId('payment-list-rows').waitFor();
    await clerk.getByTestId('payment-line').filter({ hasText: '€ 123,45' }).waitFor();
    // The demo's € 250.00 rent and this € 123.45: € 373.45.
    expect(await clerk.getByTestId('payment-list-total').innerText()).toBe('€ 373,45');
    await expectAccessible(clerk, 'payment list');
    await clerk.getByTestId('payment-list-to-checked').click();
    await clerk.getByTestId('payment-list-to-closed').click();
    await clerk.getByTestId('payment-list-status').filter({ hasText: /Chiusa|Closed/ }).waitFor();
    expect(await clerk.getByTestId('payment-list-to-open').count()).toBe(0);
    await expectAccessible(clerk, 'closed payment list');
    const [download] = await Promise.all([clerk.waitForEvent('download'), clerk.getByTestId('payment-list-csv').click()]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFCognome e nome;')).toBe(true);
    expect(csv).toContain('"123,45"');
    expect(csv).toContain('Totale;;;;;;"373,45"');
    // In English the amounts read the English way, the same cents.
    await clerk.getByTestId('lang-en').click();
    await clerk.getByTestId('payment-list-total').filter({ hasText: '€373.45' }).waitFor();
    await clerk.getByTestId('lang-it').click();
    await clerk.getByTestId('payment-list-total').filter({ hasText: '€ 373,45' }).waitFor();

    // A wrong amount after closing: € 123.45 should have been € 100.00; −€ 23.45 goes into next month's list.
    await clerk.getByTestId('payment-line').filter({ hasText: '€ 123,45' }).getByTestId('payment-line-correct').click();
    await clerk.getByTestId('payment-correction-dialog').waitFor();
    await clerk.locator('#correction-amount').fill('100,00');
    await clerk.locator('#correction-note').fill('Importo rideterminato dalla determina');
    await expectAccessible(clerk, 'correction dialog');
    await clerk.getByTestId('payment-correction-dialog').getByRole('button', { name: /Registra la rettifica|Record the correction/ }).click();
    await clerk.getByTestId('payment-list-notice').filter({ hasText: '-€ 23,45' }).waitFor();
    const correction = await session.server.database.db.selectFrom('payment_line').select(['amount_cents', 'kind']).where('contribution_id', '=', saved.id).where('kind', '=', 'correction').executeTakeFirstOrThrow();
    expect(correction.amount_cents).toBe(-2345);
  });

  it('the manager sets the yearly ceilings in euros, read as integer cents', async () => {
    const manager = await session.browser.newPage();
    await signIn(manager, 'responsabile');
    await manager.goto(`${session.server.url}/contributions/ceilings`);
    await manager.getByTestId('ceilings-page').waitFor();
    const code = (await session.server.database.db.selectFrom('municipality').select('istat_code').where('name', '=', 'Castel Maggiore').executeTakeFirstOrThrow()).istat_code;
    await manager.locator(`#ceiling-person-${code}`).fill('2.400,50');
    await manager.locator(`#ceiling-household-${code}`).fill('5000');
    await expectAccessible(manager, 'ceilings page');
    await manager.locator(`#ceiling-household-${code}`).press('Enter');
    await manager.getByText(/Tetti di Castel Maggiore salvati|Ceilings of Castel Maggiore saved/).waitFor();
    const saved = await session.server.database.db.selectFrom('contribution_ceiling').select(['person_yearly_cents', 'household_yearly_cents']).where('municipality_code', '=', code).executeTakeFirstOrThrow();
    expect([Number(saved.person_yearly_cents), Number(saved.household_yearly_cents)]).toEqual([240050, 500000]);
  });
});
