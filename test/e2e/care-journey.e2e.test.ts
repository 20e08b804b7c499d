import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shiftDate, dayInRome } from '../../src/platform/time/rome.ts';
import { fillPreliminary, scoreDimensions } from './support/assessments.ts';
import { expectAccessible } from './support/browser.ts';
import { keyboard, settled } from './support/keyboard.ts';
import { ABSENT_NOTE, logTwoDeliveries } from './support/provider.ts';
import { useE2eSession } from './support/session.ts';

const COMMITMENT = 'La signora partecipa al centro diurno due giorni a settimana.';
const REASON = 'Contributo una tantum per le bollette arretrate di luce e gas';

/**
 * One plan from the assessment to its delivery, as the people who do it: the owner assesses, drafts the
 * plan with a home-care support and a pact commitment and proposes a contribution tied to it; a
 * colleague approves it in the team meeting; the person agrees to the plan and it starts; the provider
 * logs two deliveries; the clerk closes the month's payment list; the owner reads planned vs delivered.
 * The steps build on each other and run in order.
 */
describe('a care plan from the assessment to its delivery in the browser', () => {
  const session = useE2eSession();
  const url = (path: string) => `${session.server.url}${path}`;
  const today = dayInRome();
  const month = today.slice(0, 7);
  let caseId = '';
  let owner: Page;
  let failed = false;
  beforeEach((context) => { if (failed) context.skip(); });
  afterEach((context) => { if (context.task.result?.state === 'fail') failed = true; });

  it('the owner completes the assessment of a case with no plan yet', async () => {
    const db = session.server.database.db;
    const target = await db
      .selectFrom('case_record as c')
      .innerJoin('app_user as u', 'u.id', 'c.owner_id')
      .innerJoin('municipality as m', 'm.istat_code', 'c.municipality_code')
      .select('c.id')
      .where('u.username', '=', 'assistente')
      .where('m.name', '=', 'Castel Maggiore')
      .where('c.status', 'in', ['open', 'assessing', 'in_charge'])
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM care_plan p WHERE p.case_id = c.id)`)
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM case_assessment a WHERE a.case_id = c.id)`)
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();
    caseId = target.id;

    owner = await session.browser.newPage();
    const keys = keyboard(owner);
    await session.signIn(owner, 'assistente');
    await owner.goto(url(`/cases/${caseId}`));
    await owner.getByTestId('assessment-section').getByText(/Nessuna valutazione|No assessment/).waitFor();
    await keys.press('assessment-new');
    await owner.getByTestId('assessment-preliminary-form').waitFor();
    await fillPreliminary(owner, {
      request: 'La signora chiede aiuto per restare a casa e per le bollette arretrate.',
      needs: 'Igiene personale, compagnia, sostegno economico temporaneo.',
      resources: 'Una vicina disponibile; pensione minima.',
    });
    await keys.press('assessment-to-in-depth');
    await owner.getByTestId('assessment-in-depth-form').waitFor();
    await scoreDimensions(owner, { HEALTH: 3, HOUSEHOLD: 2, HOUSING: 1, WORK: 2, EDUCATION: 1, NETWORK: 3 });
    await keys.press('assessment-complete');
    await owner.getByTestId('assessment-title').filter({ hasText: /completata|completed/ }).waitFor();
    await expectAccessible(owner, 'completed assessment');
  });

  it('the owner drafts the plan: an objective, home care by the cooperative and a pact commitment', async () => {
    const keys = keyboard(owner);
    await owner.goto(url(`/cases/${caseId}`));
    await keys.press('case-plan-open');
    await owner.getByTestId('plan-create-form').waitFor();
    await owner.getByTestId('plan-create-from').fill(today);
    await owner.getByTestId('plan-create-to').fill(shiftDate(today, 180));
    await owner.getByTestId('plan-create-to').press('Enter');

    await owner.getByTestId('plan-editor').waitFor();
    await keys.type('plan-summary', 'Aiutare la signora a restare a casa sua e a rimettersi in pari con le bollette.');
    await keys.press('plan-objectives-add');
    await keys.type('plan-objective-0-description', 'Restare a vivere a casa propria in sicurezza');
    // The cooperative works towards this objective: it is marked for the providers to see.
    await keys.press('plan-objective-0-shared', 'Space');
    await keys.press('plan-supports-add');
    const service = owner.getByTestId('plan-support-0-service');
    const homeCare = await service.locator('option', { hasText: 'C1.01' }).getAttribute('value');
    await keys.choose('plan-support-0-service', homeCare ?? '');
    expect(await owner.getByTestId('plan-support-0-provider').locator('option:checked').innerText()).toContain('Il Ponte');
    await keys.type('plan-support-0-quantity', '3');
    await keys.type('plan-support-0-cost', '21,37');
    await owner.getByTestId('plan-support-0-monthly').filter({ hasText: '€ 277,81' }).waitFor();
    await keys.press('plan-commitments-add');
    await keys.type('plan-commitment-0-text', COMMITMENT);
    await expectAccessible(owner, 'plan draft');
    await keys.press('plan-save');
    // The notice of the plan's creation is still shown: wait for the one of the save.
    await owner.getByTestId('plan-notice').filter({ hasText: 'Bozza salvata' }).waitFor();
    const plan = await session.server.database.db.selectFrom('care_plan').select('status').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(plan.status).toBe('draft');
  });

  it('the owner proposes a one-off contribution in the plan, tied to the pact commitment', async () => {
    const keys = keyboard(owner);
    await owner.goto(url(`/cases/${caseId}`));
    await owner.getByTestId('contributions-empty').waitFor();
    await keys.press('contribution-add');
    await owner.getByTestId('contribution-propose-dialog').waitFor();
    await keys.choose('contribution-kind', 'one_off');
    await keys.type('contribution-amount', '123,45');
    await keys.type('contribution-reason', REASON);
    await owner.getByTestId('contribution-commitments').getByLabel(COMMITMENT).waitFor();
    await settled(owner);
    await owner.getByTestId('contribution-commitments').getByLabel(COMMITMENT).focus();
    await owner.keyboard.press('Space');
    await keys.choose('contribution-funding', 'poverty_fund');
    await keys.type('contribution-iban', 'IT60 X054 2811 1010 0000 0123 456');
    await expectAccessible(owner, 'contribution proposal with the pact');
    await keys.press('contribution-iban');
    await owner.getByTestId('contributions-notice').waitFor();
    const row = owner.getByTestId('contribution-row').filter({ hasText: '€ 123,45' });
    await row.waitFor();
    expect(await row.getByTestId('contribution-linked').innerText()).toContain(COMMITMENT);
    expect(await row.innerText()).toMatch(/Proposto|Proposed/);
  });

  it('a colleague approves the contribution in the team meeting', async () => {
    const colleague = await session.browser.newPage();
    const keys = keyboard(colleague);
    await session.signIn(colleague, 'assistente2');
    await keys.press('nav-teamMeeting');
    const row = colleague.getByTestId('meeting-row').filter({ hasText: REASON });
    await row.waitFor();
    expect(await row.innerText()).toContain(COMMITMENT);
    // The proposer sat at the meeting too: ticked among the team's members (the recorder always is).
    const users = await session.server.database.db.selectFrom('app_user').select(['id', 'username']).where('username', 'in', ['assistente', 'assistente2']).execute();
    const idOf = (username: string) => users.find((u) => u.username === username)?.id ?? '';
    await colleague.getByTestId('meeting-members').waitFor();
    await keys.press(`meeting-member-${idOf('assistente')}`, 'Space');
    await keys.type('meeting-others', 'Dott.ssa Verdi (Ausl)');
    await settled(colleague);
    await row.getByTestId('meeting-decision').focus();
    await row.getByTestId('meeting-decision').selectOption('approve');
    await expectAccessible(colleague, 'team meeting with the proposal');
    await keys.press('meeting-submit');
    await colleague.getByTestId('meeting-notice').filter({ hasText: /1 approvati|1 approved/ }).waitFor();
    const meeting = await session.server.database.db.selectFrom('team_meeting').select(['participant_ids', 'other_participants']).orderBy('recorded_at', 'desc').executeTakeFirstOrThrow();
    expect([...meeting.participant_ids].sort()).toEqual([idOf('assistente'), idOf('assistente2')].sort());
    expect(meeting.other_participants).toBe('Dott.ssa Verdi (Ausl)');
    await colleague.close();
  });

  it('the person agrees to the plan in person and the owner starts it: the home care becomes an intervention of the cooperative', async () => {
    const keys = keyboard(owner);
    await owner.goto(url(`/cases/${caseId}`));
    await owner.getByTestId('contribution-row').filter({ hasText: /Approvato|Approved/ }).waitFor();
    await keys.press('case-plan-open');
    await owner.getByTestId('plan-editor').waitFor();
    // The plan the person reads carries the approved contribution and the commitment it is tied to.
    const granted = owner.getByTestId('plan-contributions-table').getByTestId('contribution-row');
    await granted.filter({ hasText: '€ 123,45' }).waitFor();
    expect(await granted.innerText()).toContain(COMMITMENT);
    await keys.press('plan-to-proposed');
    await owner.getByTestId('plan-status').filter({ hasText: 'Proposto' }).waitFor();
    await keys.press('plan-to-agreed');
    await owner.getByTestId('plan-agree-dialog').waitFor();
    await keys.press('plan-agree-method-in_person', 'Space');
    await keys.type('plan-agree-name', 'Maria Rossi');
    await expectAccessible(owner, 'agreement dialog');
    await owner.keyboard.press('Enter');
    await owner.getByTestId('plan-status').filter({ hasText: 'Concordato' }).waitFor();
    await keys.press('plan-to-active');
    await owner.getByTestId('plan-status').filter({ hasText: 'Attivo' }).waitFor();
    await expectAccessible(owner, 'plan in force');
    const intervention = await session.server.database.db
      .selectFrom('intervention as i')
      .innerJoin('provider_organisation as p', 'p.id', 'i.provider_id')
      .select(['i.status', 'p.name'])
      .where('i.case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(intervention.status).toBe('active');
    expect(intervention.name).toContain('Il Ponte');
  });

  it('the provider logs two deliveries of the intervention, one with the person absent', async () => {
    const intervention = await session.server.database.db.selectFrom('intervention').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    const provider = await session.browser.newPage();
    const keys = keyboard(provider);
    await session.signIn(provider, 'fornitore');
    await keys.press('nav-providerPortal');
    await provider.getByTestId(`portal-row-${intervention.id}`).waitFor();
    await settled(provider);
    await provider.getByTestId(`portal-row-${intervention.id}`).getByRole('link').focus();
    await provider.keyboard.press('Enter');
    await provider.getByTestId('delivery-form').waitFor();
    const shared = await provider.getByTestId('provider-shared').innerText();
    expect(shared).toContain('Restare a vivere a casa propria in sicurezza');
    expect(shared).not.toContain(COMMITMENT);
    await logTwoDeliveries(provider);
    await expectAccessible(provider, 'intervention with two deliveries');
    await provider.close();
  });

  it('the clerk checks and closes the month’s payment list of the municipality, with the contribution in it', async () => {
    const clerk = await session.browser.newPage();
    const keys = keyboard(clerk);
    await session.signIn(clerk, 'amministrativo');
    await keys.press('nav-paymentLists');
    const list = clerk.getByTestId('payment-list-row').filter({ hasText: `Castel Maggiore ${month}` });
    await list.waitFor();
    await settled(clerk);
    await list.getByRole('link').focus();
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('payment-line').filter({ hasText: '€ 123,45' }).waitFor();
    await keys.press('payment-list-to-checked');
    await clerk.getByTestId('payment-list-status').filter({ hasText: /Verificata|Checked/ }).waitFor();
    await keys.press('payment-list-to-closed');
    await clerk.getByTestId('payment-list-status').filter({ hasText: /Chiusa|Closed/ }).waitFor();
    await expectAccessible(clerk, 'closed payment list');
    const closed = await session.server.database.db
      .selectFrom('payment_line as l')
      .innerJoin('payment_list as pl', 'pl.id', 'l.list_id')
      .innerJoin('contribution as k', 'k.id', 'l.contribution_id')
      .select(['pl.status', 'l.amount_cents'])
      .where('k.case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'closed', amount_cents: 12345 });
    await clerk.close();
  });

  it('the owner sees planned vs delivered for the month on the case page', async () => {
    await owner.goto(url(`/cases/${caseId}`));
    const current = owner.getByTestId('case-intervention-months-C1.01').getByTestId(`month-${month}`);
    await current.waitFor();
    const cells = await current.locator('td').allInnerTexts();
    // Planned (this month's share of 3 hours a week), delivered 1.5 hours, one absence.
    expect(cells[0]).toMatch(/^\d+(,\d+)? ore$/);
    expect(cells.slice(1)).toEqual(['1,5 ore', '1']);
    // The deliveries themselves are one Enter away, under the table.
    await owner.getByTestId('case-intervention-C1.01').locator('summary').focus();
    await owner.keyboard.press('Enter');
    expect(await owner.getByTestId('case-intervention-deliveries-C1.01').innerText()).toContain(ABSENT_NOTE);
    await expectAccessible(owner, 'case page with planned vs delivered');
    await owner.close();
  });
});
