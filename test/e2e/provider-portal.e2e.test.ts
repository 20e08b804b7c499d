import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoStage } from '../../src/demo/demo-story.ts';
import { expectAccessible } from './support/browser.ts';
import { keyboard } from './support/keyboard.ts';
import { logTwoDeliveries } from './support/provider.ts';
import { useE2eSession } from './support/session.ts';
import { dayInRome } from '../../src/platform/time/rome.ts';

describe('provider portal in the browser', () => {
  const session = useE2eSession();

  it('fornitore logs two deliveries by keyboard (one with the person absent); the owner sees planned vs delivered on the case page', async () => {
    const db = session.server.database.db;
    const today = dayInRome();
    const month = today.slice(0, 7);
    // The demo's active plan: home care (C1.01) delivered by Coop. Il Ponte, fornitore's organisation.
    const target = await db
      .selectFrom('intervention as i')
      .innerJoin('service as s', 's.id', 'i.service_id')
      .innerJoin('app_user as u', 'u.provider_id', 'i.provider_id')
      .select(['i.id', 'i.case_id'])
      .where('u.username', '=', 'fornitore')
      .where('s.code', '=', 'C1.01')
      .where('i.status', '=', 'active')
      .where('i.case_id', '=', await demoStage(db, 'activePlan'))
      .where('i.start_date', '<=', today)
      .executeTakeFirstOrThrow();
    const before = await db.selectFrom('intervention_delivery').select(sql<number>`coalesce(sum(quantity_hundredths), 0)::int`.as('n')).where('intervention_id', '=', target.id).where('delivered_on', '>=', `${month}-01`).executeTakeFirstOrThrow();

    const page = await session.browser.newPage();
    const keys = keyboard(page);
    await session.signIn(page, 'fornitore');
    await keys.press('nav-providerPortal');
    await page.getByTestId('portal-list').waitFor();
    await expectAccessible(page, 'provider portal list');
    const row = page.getByTestId(`portal-row-${target.id}`);
    await row.getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('delivery-form').waitFor();
    expect(await page.getByTestId('provider-shared').innerText()).toContain('Restare a vivere a casa propria in sicurezza');
    await expectAccessible(page, 'provider intervention page');

    await logTwoDeliveries(page);
    expect(await page.getByTestId('provider-deliveries').innerText()).toContain('Giulia Ferri');
    await expectAccessible(page, 'provider intervention page after two deliveries');
    const after = await db.selectFrom('intervention_delivery').select(sql<number>`coalesce(sum(quantity_hundredths), 0)::int`.as('n')).where('intervention_id', '=', target.id).where('delivered_on', '>=', `${month}-01`).executeTakeFirstOrThrow();
    expect(after.n - before.n).toBe(150);

    const owner = await session.browser.newPage();
    await session.signIn(owner, 'assistente');
    await owner.goto(`${session.server.url}/cases/${target.case_id}`);
    const months = owner.getByTestId('case-intervention-months-C1.01');
    await months.waitFor();
    const current = await months.getByTestId(`month-${month}`).innerText();
    const delivered = after.n;
    const text = `${String(Math.floor(delivered / 100))}${delivered % 100 ? `,${String(delivered % 100).padStart(2, '0').replace(/0$/u, '')}` : ''} ore`;
    expect(current).toContain(text);
    expect(await owner.getByTestId('case-intervention-D1.01').innerText()).toMatch(/Erogazione diretta|Delivered directly/);
    await expectAccessible(owner, 'case page with interventions');
  });
});
