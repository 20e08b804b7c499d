import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

describe('personalised project in the browser', () => {
  const session = useE2eSession();

  it('the owner drafts a plan by keyboard (one objective, one support with live totals), proposes it and records the agreement; a new version is compared with it', async () => {
    const owner = await session.server.database.db.selectFrom('app_user').select('id').where('username', '=', 'assistente').executeTakeFirstOrThrow();
    const demoCase = await session.server.database.db
      .selectFrom('case_record as c')
      .innerJoin('municipality as m', 'm.istat_code', 'c.municipality_code')
      .select('c.id')
      .where('c.owner_id', '=', owner.id)
      .where('c.status', '<>', 'closed')
      .where('m.name', '=', 'Castel Maggiore')
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM care_plan p WHERE p.case_id = c.id)`)
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();

    const page = await session.browser.newPage();
    await session.signIn(page, 'assistente');
    await page.goto(`${session.server.url}/cases/${demoCase.id}`);
    await page.getByTestId('case-plan-section').waitFor();
    await page.getByTestId('case-plan-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-create-form').waitFor();
    await expectAccessible(page, 'plan page without a plan');
    await page.getByTestId('plan-create-from').fill('2027-01-01');
    await page.getByTestId('plan-create-to').fill('2027-06-30');
    await page.getByTestId('plan-create-to').press('Enter');

    await page.getByTestId('plan-editor').waitFor();
    await page.getByTestId('plan-summary').fill('Aiutare la signora a restare a casa sua.');
    await page.getByTestId('plan-objectives-add').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-objective-0-description').fill('Restare a vivere a casa propria in sicurezza');
    await page.getByTestId('plan-objective-0-add-result').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-objective-0-result-0-description').fill('Igiene personale curata ogni giorno');
    await page.getByTestId('plan-objective-0-result-0-indicator').fill('Schede dell’operatrice senza giorni mancanti');
    await page.getByTestId('plan-objective-0-result-0-target').fill('2027-03-31');

    await page.getByTestId('plan-supports-add').focus();
    await page.keyboard.press('Enter');
    const service = page.getByTestId('plan-support-0-service');
    const sad = await service.locator('option', { hasText: 'C1.01' }).getAttribute('value');
    await service.focus();
    await service.selectOption(sad ?? '');
    expect(await page.getByTestId('plan-support-0-provider').locator('option:checked').innerText()).toContain('Il Ponte');
    await page.getByTestId('plan-support-0-quantity').fill('3');
    await page.getByTestId('plan-support-0-cost').fill('21,37');
    await page.getByTestId('plan-support-0-monthly').filter({ hasText: '€ 277,81' }).waitFor();
    await page.getByTestId('plan-live-totals-total').filter({ hasText: '€ 1.666,86' }).waitFor();
    expect(await page.getByTestId('plan-live-totals-funding-union').innerText()).toBe('€ 1.666,86');
    await page.getByTestId('plan-readability-index').waitFor();
    await expectAccessible(page, 'plan editor with an objective and a support');

    await page.getByTestId('plan-save').focus();
    await page.keyboard.press('Enter');
    // The notice of the plan's creation is still shown: wait for the one of the save.
    await page.getByTestId('plan-notice').filter({ hasText: 'Bozza salvata' }).waitFor();
    await page.getByTestId('plan-to-proposed').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-status').filter({ hasText: 'Proposto' }).waitFor();
    await page.getByTestId('plan-immutable').waitFor();

    await page.getByTestId('plan-to-agreed').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-agree-dialog').waitFor();
    await expectAccessible(page, 'agreement dialog');
    await page.getByTestId('plan-agree-method-in_person').check();
    await page.getByTestId('plan-agree-name').fill('Maria Rossi');
    await page.getByTestId('plan-agree-name').press('Enter');
    await page.getByTestId('plan-status').filter({ hasText: 'Concordato' }).waitFor();
    await page.getByTestId('plan-agreement').filter({ hasText: 'Maria Rossi' }).waitFor();
    expect(await page.getByTestId('plan-view-objectives').innerText()).toContain('Restare a vivere a casa propria in sicurezza');
    expect(await page.getByTestId('plan-view-totals-monthly').innerText()).toBe('€ 277,81');
    await expectAccessible(page, 'agreed plan');

    const stored = await session.server.database.db.selectFrom('care_plan').select(['status', 'signature_method', 'signed_by_name']).where('case_id', '=', demoCase.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'agreed', signature_method: 'in_person', signed_by_name: 'Maria Rossi' });

    // A change needs a new version: a draft copy; the comparison with version 1 reads as a diff.
    await page.getByTestId('plan-new-version').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-title').filter({ hasText: 'versione 2' }).waitFor();
    await page.getByTestId('plan-support-0-quantity').fill('4');
    await page.getByTestId('plan-support-0-monthly').filter({ hasText: '€ 370,41' }).waitFor();
    await page.getByTestId('plan-save').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-notice').filter({ hasText: 'Bozza salvata' }).waitFor();
    await page.getByTestId('plan-compare-toggle').focus();
    await page.keyboard.press('Enter');
    const supports = page.getByTestId('plan-compare-supports');
    await supports.waitFor();
    expect(await supports.innerText()).toContain('quantità: da «3» a «4»');
    expect(await supports.innerText()).toContain('costo al mese: da «€ 277,81» a «€ 370,41»');
    await expectAccessible(page, 'new version with the comparison');
    await page.close();
  });
});
