import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';
import { dayInRome, shiftDate } from '../../src/platform/time/rome.ts';

const daysAgo = (days: number) => shiftDate(dayInRome(), -days);

describe('procedures and worklist in the browser', () => {
  const session = useE2eSession();

  it('the owner starts a procedure, corrects its date and subject, and suspends it by keyboard; the worklist shows an overdue case', async () => {
    const db = session.server.database.db;
    const owner = await db.selectFrom('app_user').select('id').where('username', '=', 'assistente').executeTakeFirstOrThrow();
    const c = await db.selectFrom('case_record').select(['id', 'reference']).where('owner_id', '=', owner.id).where('status', '<>', 'closed').orderBy('reference', 'desc').executeTakeFirstOrThrow();
    await db.updateTable('case_record').set({ next_review_on: '2020-01-10' }).where('id', '=', c.id).execute();

    const page = await session.browser.newPage();
    await session.signIn(page, 'assistente');
    await page.goto(`${session.server.url}/cases/${c.id}`);
    await page.getByTestId('procedures-section').waitFor();
    await page.getByTestId('procedures-list').waitFor({ state: 'attached' });

    // Start a procedure: Enter opens the dialog, fields are typed, Enter in the date field saves.
    await page.getByTestId('procedure-add').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('procedure-start-dialog').waitFor();
    await page.getByTestId('procedure-type').locator('option').nth(1).waitFor({ state: 'attached' });
    await page.getByTestId('procedure-type').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('procedure-subject').focus();
    await page.keyboard.type('Domanda di contributo per il canone di locazione');
    await page.getByTestId('procedure-started-on').fill(daysAgo(40));
    await expectAccessible(page, 'start procedure dialog');
    await page.getByTestId('procedure-started-on').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('procedures-notice').waitFor();
    const item = page.getByTestId('procedure-item').filter({ hasText: 'canone di locazione' });
    await item.getByTestId('procedure-days').filter({ hasText: /Scaduto|Overdue|Manca|left/ }).waitFor();

    // The request arrived two days later than typed, and the subject names the year: corrected by keyboard.
    await item.getByTestId('procedure-edit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('procedure-edit-dialog').waitFor();
    await page.getByTestId('procedure-edit-subject').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' 2026');
    await page.getByTestId('procedure-edit-started-on').fill(daysAgo(38));
    await expectAccessible(page, 'correction dialog');
    await page.getByTestId('procedure-edit-started-on').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('procedure-item').filter({ hasText: 'canone di locazione 2026' }).waitFor();
    const corrected = await db.selectFrom('case_procedure').select(['subject', 'started_on']).where('case_id', '=', c.id).where('subject', 'like', '%canone di locazione%').executeTakeFirstOrThrow();
    expect(corrected).toEqual({ subject: 'Domanda di contributo per il canone di locazione 2026', started_on: daysAgo(38) });

    // Suspend it (open suspension): the count is paused.
    await item.getByTestId('procedure-suspend').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('procedure-suspend-dialog').waitFor();
    await page.getByTestId('suspension-reason').focus();
    await page.keyboard.type('Richiesta del contratto di affitto registrato');
    await page.getByTestId('suspension-starts-on').fill(daysAgo(5));
    await expectAccessible(page, 'suspension dialog');
    await page.getByTestId('suspension-starts-on').focus();
    await page.keyboard.press('Enter');
    await item.getByTestId('procedure-days').filter({ hasText: /Sospeso|Suspended/ }).waitFor();
    await item.getByTestId('procedure-suspensions').filter({ hasText: 'contratto di affitto' }).waitFor();
    expect(await item.getByTestId('procedure-resume').isVisible()).toBe(true);
    await expectAccessible(page, 'case page with procedures');

    // The worklist: the case past its review date is listed; the header counter links there.
    await page.getByTestId('worklist-bell').waitFor();
    await page.getByTestId('worklist-bell').click();
    await page.getByTestId('worklist-review').waitFor();
    await page.getByTestId('worklist-row').filter({ hasText: c.reference }).waitFor();
    await expectAccessible(page, 'worklist');
    // Mark the notifications as seen: the header counter of new items goes away.
    await page.getByTestId('worklist-bell-unseen').waitFor();
    await page.getByTestId('worklist-mark-seen').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('worklist-bell-unseen').waitFor({ state: 'detached' });
    await page.getByTestId('worklist-bell-total').waitFor();
    await page.getByTestId('worklist-tab-review').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('worklist-procedures').waitFor();
    expect(await page.getByTestId('worklist-procedures').innerText()).toMatch(/Scaduto|Overdue|Manca|left/);
    await expectAccessible(page, 'worklist procedures tab');
    await page.close();
  });
});
