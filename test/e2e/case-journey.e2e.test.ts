import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shiftDate, dayInRome } from '../../src/platform/time/rome.ts';
import { addExternalParticipant, fillPreliminary, scoreDimensions } from './support/assessments.ts';
import { expectAccessible } from './support/browser.ts';
import { fillDiaryEntry } from './support/case-diary.ts';
import { fillReferral } from './support/front-desk.ts';
import { keyboard, settled } from './support/keyboard.ts';
import { useE2eSession } from './support/session.ts';
import { worklistReferences } from './support/worklist.ts';

const CASTEL_MAGGIORE = '037019';
const REQUEST = 'Dopo la morte del marito vive sola, mangia poco e non apre la posta da settimane; la figlia chiede aiuto.';

/** The header counter's number of new items (the demo users never marked the worklist as seen). */
async function bellUnseen(page: Page): Promise<number> {
  const text = await page.getByTestId('worklist-bell-unseen').innerText();
  return Number(/\d+/.exec(text)?.[0]);
}

/** The counter shows `count` new items (it is read again after each page change). */
const bellShows = (page: Page, count: number) =>
  page.getByTestId('worklist-bell-unseen').filter({ hasText: new RegExp(`^${count}\\b`) }).waitFor();

/** The "back to the case" link of the assessment and meeting pages, followed by keyboard. */
async function backToCase(page: Page): Promise<void> {
  await settled(page);
  await page.getByRole('link', { name: /Torna al caso|Back to the case/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('case-status').waitFor();
}

/**
 * One case from the front desk to its closure, as the people who do it: the desk refers a person, the
 * manager opens the case for a social worker, who writes the diary, assesses, holds the UVM meeting and
 * sets the review; the review date passes, the case is on both worklists; the social worker closes it.
 * The steps build on each other and run in order.
 */
describe('a case from intake to closure in the browser', () => {
  const session = useE2eSession();
  const url = (path: string) => `${session.server.url}${path}`;
  let person: { id: string; fiscal_code: string; family_name: string; given_name: string };
  let name = '';
  let caseId = '';
  let reference = '';
  let worker: Page;
  let manager: Page;
  const unseenBefore = { worker: 0, manager: 0 };
  // A step that failed leaves nothing for the next ones to build on: they are skipped, not timed out.
  let failed = false;
  beforeEach((context) => { if (failed) context.skip(); });
  afterEach((context) => { if (context.task.result?.state === 'fail') failed = true; });

  it('the front desk finds the person and records an access referred to the social service', async () => {
    const db = session.server.database.db;
    // A person of Castel Maggiore with no case yet.
    person = await db
      .selectFrom('person as p')
      .select(['p.id', 'p.fiscal_code', 'p.family_name', 'p.given_name'])
      .where('p.municipality_code', '=', CASTEL_MAGGIORE)
      .where('p.fiscal_code', 'is not', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('case_person as cp').select('cp.person_id').whereRef('cp.person_id', '=', 'p.id'))))
      .orderBy('p.family_name')
      .orderBy('p.id')
      .$narrowType<{ fiscal_code: string }>()
      .executeTakeFirstOrThrow();
    name = `${person.family_name} ${person.given_name}`;

    const desk = await session.browser.newPage();
    const keys = keyboard(desk);
    await session.signIn(desk, 'sportello');
    await keys.press('nav-registry');
    await keys.type('registry-search-q', person.fiscal_code);
    await keys.press('registry-search-submit');
    await desk.getByTestId('registry-results').waitFor();
    await expectAccessible(desk, 'registry search by fiscal code');
    await keys.press('registry-result-link');
    await desk.getByTestId('person-accesses').waitFor();
    await expectAccessible(desk, 'person page');

    await fillReferral(desk, { municipality: CASTEL_MAGGIORE, channel: 'phone', needArea: 'ELD', request: REQUEST, urgency: 'priority' });
    await expectAccessible(desk, 'access form with a referral');
    await keys.press('access-submit');
    await desk.getByTestId('access-created').waitFor();
    expect(await desk.getByTestId('person-access').first().innerText()).toContain(REQUEST);
    await expectAccessible(desk, 'person page after the referral');
    await desk.close();
  });

  it('the manager finds the referral in the intake queue and opens a case owned by the social worker', async () => {
    manager = await session.browser.newPage();
    const keys = keyboard(manager);
    await session.signIn(manager, 'responsabile');
    await keys.press('nav-intake');
    const row = manager.getByTestId('intake-row').filter({ hasText: REQUEST });
    await row.waitFor();
    expect(await row.innerText()).toContain(name);
    await expectAccessible(manager, 'intake queue');
    await row.getByTestId('intake-open-case').focus();
    await manager.keyboard.press('Enter');
    await manager.getByTestId('open-case-form').waitFor();
    expect(await manager.getByTestId('open-case-about').innerText()).toContain(name);
    await manager.getByTestId('open-owner').locator('option', { hasText: 'Marco Bianchi' }).waitFor({ state: 'attached' });
    await keys.choose('open-owner', { label: 'Marco Bianchi (assistente sociale)' });
    expect(await manager.getByTestId('open-area-ELD').isChecked()).toBe(true);
    await expectAccessible(manager, 'open case form');
    await keys.press('open-case-submit');

    await manager.getByTestId('case-status').filter({ hasText: 'Aperto' }).waitFor();
    expect(await manager.getByTestId('case-owner').innerText()).toContain('Marco Bianchi');
    expect(await manager.getByTestId('case-persons').innerText()).toContain(name);
    await expectAccessible(manager, 'new case, seen by the manager');
    caseId = new URL(manager.url()).pathname.split('/').pop() ?? '';
    reference = /\d{4}\/\d{6}/.exec(await manager.getByTestId('case-title').innerText())?.[0] ?? '';
    expect(reference).not.toBe('');
    const intake = await session.server.database.db
      .selectFrom('intake_item as i')
      .innerJoin('access_record as a', 'a.id', 'i.access_id')
      .select('i.status')
      .where('a.request', '=', REQUEST)
      .executeTakeFirstOrThrow();
    expect(intake.status).toBe('taken_in_charge');
  });

  it('the social worker finds the case among hers and writes the first interview in the diary, by keyboard', async () => {
    worker = await session.browser.newPage();
    const keys = keyboard(worker);
    await session.signIn(worker, 'assistente');
    await keys.press('nav-cases');
    await worker.getByTestId('case-table').waitFor();
    await keys.type('case-search', person.family_name);
    await worker.keyboard.press('Enter');
    const row = worker.getByTestId('case-row').filter({ hasText: reference });
    await row.waitFor();
    await expectAccessible(worker, 'my cases');
    await row.getByRole('link', { name: reference }).focus();
    await worker.keyboard.press('Enter');
    await worker.getByTestId('diary-section').waitFor();
    await worker.getByTestId('diary-empty').waitFor();
    await expectAccessible(worker, 'case page, seen by the owner');

    await fillDiaryEntry(worker, {
      kind: 'interview',
      minutes: 60,
      external: [{ name: 'Chiara (figlia)', body: '' }],
      text: 'Primo colloquio con la signora e la figlia: lutto recente, pasti saltati, bollette non pagate. Concordata la valutazione.',
    });
    await expectAccessible(worker, 'new diary entry dialog');
    await keys.press('diary-add-dialog-submit');
    await worker.getByTestId('diary-notice').waitFor();
    const entry = worker.getByTestId('diary-recent').getByTestId('diary-entry').filter({ hasText: 'bollette non pagate' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Chiara (figlia)');
    await expectAccessible(worker, 'case page with the diary entry');

    // The assessment starts: the status says so, by keyboard (Enter opens the dialog, Enter saves).
    await keys.press('case-change-status');
    await worker.getByTestId('status-dialog').waitFor();
    await keys.press('status-to-assessing', 'Space');
    await keys.type('status-reason', 'Avvio la valutazione multidimensionale');
    await keys.press('status-dialog-submit');
    await worker.getByTestId('case-status').filter({ hasText: 'In valutazione' }).waitFor();
  });

  it('the social worker fills the preliminary analysis and the in-depth assessment, and completes it', async () => {
    const keys = keyboard(worker);
    await worker.getByTestId('assessment-section').getByText(/Nessuna valutazione|No assessment/).waitFor();
    await keys.press('assessment-new');
    await worker.getByTestId('assessment-preliminary-form').waitFor();
    await fillPreliminary(worker, {
      request: 'La figlia chiede un sostegno per la madre rimasta sola.',
      needs: 'Pasti regolari, gestione della posta e delle bollette, compagnia.',
      resources: 'Figlia presente nel fine settimana, vicina di casa disponibile.',
    });
    await expectAccessible(worker, 'preliminary analysis');
    await keys.press('assessment-to-in-depth');

    await worker.getByTestId('assessment-in-depth-form').waitFor();
    await scoreDimensions(worker, { HEALTH: 2, HOUSEHOLD: 3, HOUSING: 1, WORK: 2, EDUCATION: 1, NETWORK: 3 });
    await keys.type('dimension-NETWORK-notes', 'Rete ridotta alla figlia, che lavora fuori comune.');
    await worker.getByTestId('assessment-proposed').filter({ hasText: /media|medium/ }).waitFor();
    await expectAccessible(worker, 'in-depth assessment');
    await keys.press('assessment-complete');
    await worker.getByTestId('assessment-title').filter({ hasText: /completata|completed/ }).waitFor();
    expect(await worker.getByTestId('assessment-dimensions').innerText()).toContain('Rete ridotta alla figlia');
    await expectAccessible(worker, 'completed assessment');
  });

  it('the social worker records the UVM meeting, sets the next review and takes the case in charge', async () => {
    const keys = keyboard(worker);
    await backToCase(worker);
    await worker.getByTestId('assessment-versions').waitFor();
    await keys.press('meeting-new');
    await worker.getByTestId('meeting-form').waitFor();
    await keys.type('meeting-place', 'Servizio sociale – Castel Maggiore');
    await addExternalParticipant(worker, 'Dott.ssa Elisa Monti', 'Ausl Bologna — medico di medicina generale');
    await keys.type('meeting-question', 'Quale sostegno a domicilio per una persona sola dopo un lutto?');
    await keys.type('meeting-decisions', 'Pasti a domicilio cinque giorni su sette e un incontro al mese con la figlia.');
    await worker.getByTestId('meeting-assessment').locator('option').nth(1).waitFor({ state: 'attached' });
    const assessment = await worker.getByTestId('meeting-assessment').locator('option').nth(1).getAttribute('value');
    await keys.choose('meeting-assessment', assessment ?? '');
    await expectAccessible(worker, 'UVM meeting form');
    await keys.press('meeting-save');
    await worker.getByTestId('meeting-title').waitFor();
    expect(await worker.getByTestId('meeting-decisions').innerText()).toContain('Pasti a domicilio');
    expect(await worker.getByTestId('meeting-view-participants').innerText()).toContain('Ausl Bologna');
    await expectAccessible(worker, 'UVM meeting');

    // Back on the case: the review in three months, then the taking in charge.
    await backToCase(worker);
    await worker.getByTestId('meeting-list').waitFor();
    const review = shiftDate(dayInRome(), 90);
    await worker.getByTestId('case-next-review').fill(review);
    await keys.press('case-next-review');
    await worker.getByTestId('case-notice').waitFor();
    expect(await worker.getByTestId('case-review-overdue').count()).toBe(0);
    await keys.press('case-change-status');
    await worker.getByTestId('status-dialog').waitFor();
    await keys.press('status-to-in_charge', 'Space');
    await keys.type('status-reason', 'Progetto condiviso in UVM con la persona e la figlia');
    await keys.press('status-dialog-submit');
    await worker.getByTestId('case-status').filter({ hasText: 'In carico' }).waitFor();
    await expectAccessible(worker, 'case in charge');
    const saved = await session.server.database.db.selectFrom('case_record').select(['next_review_on', 'status']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(saved).toEqual({ next_review_on: review, status: 'in_charge' });
  });

  it('the review date passes: the case is overdue on the worklist and in the header counter of the owner and the manager', async () => {
    // What the counters show before: read on a fresh page load, so nothing is in flight.
    for (const [who, page] of [['worker', worker], ['manager', manager]] as const) {
      await page.reload();
      await page.getByTestId('case-status').waitFor();
      await page.getByTestId('worklist-bell-unseen').waitFor();
      unseenBefore[who] = await bellUnseen(page);
    }
    // The server reads "today" from the wall clock and a browser test cannot move that clock: three
    // months pass for the case when its review date moves back to yesterday, which is what the
    // worklist, the counter and the case page compare with today (in Italy).
    const yesterday = shiftDate(dayInRome(), -1);
    await session.server.database.db.updateTable('case_record').set({ next_review_on: yesterday }).where('id', '=', caseId).execute();

    for (const [who, page] of [['worker', worker], ['manager', manager]] as const) {
      await page.reload();
      await page.getByTestId('case-review-overdue').waitFor();
      await keyboard(page).press('worklist-bell');
      await page.getByTestId('worklist-review').waitFor();
      await bellShows(page, unseenBefore[who] + 1);
      expect(await worklistReferences(page)).toContain(reference);
      const row = page.getByTestId('worklist-row').filter({ hasText: reference });
      expect(await row.innerText()).toContain(name);
      expect(await row.innerText()).toMatch(/In ritardo di 1 giorno|1 day late/);
      await expectAccessible(page, `worklist of the ${who}`);
    }
    await manager.close();
  });

  it('the social worker closes the case by keyboard with its reason and outcome; it leaves the worklist', async () => {
    const keys = keyboard(worker);
    await worker.goto(url(`/cases/${caseId}`));
    await worker.getByTestId('case-review-overdue').waitFor();
    await keys.press('case-change-status');
    await worker.getByTestId('status-dialog').waitFor();
    // Nothing is chosen beforehand: saving now names the missing choice; Space chooses "closed", which asks for more.
    await keys.press('status-dialog-submit');
    await worker.getByTestId('status-to-error').waitFor();
    await keys.press('status-to-closed', 'Space');
    expect(await worker.getByTestId('status-to-closed').isChecked()).toBe(true);
    await keys.type('status-reason', 'Progetto concluso');
    await keys.choose('status-closure-reason', 'goals_achieved');
    await keys.type('status-closure-outcome', 'La signora riceve i pasti a domicilio e gestisce la posta con la figlia: obiettivi raggiunti.');
    await expectAccessible(worker, 'closure dialog');
    await keys.press('status-dialog-submit');
    await worker.getByTestId('case-status').filter({ hasText: 'Chiuso' }).waitFor();
    expect(await worker.getByTestId('case-closure').innerText()).toContain('obiettivi raggiunti');
    expect(await worker.getByTestId('case-review-overdue').count()).toBe(0);
    await expectAccessible(worker, 'closed case');

    await keys.press('worklist-bell');
    await worker.getByTestId('worklist-review').waitFor();
    await bellShows(worker, unseenBefore.worker);
    expect(await worklistReferences(worker)).not.toContain(reference);
    const closed = await session.server.database.db.selectFrom('case_record').select(['status', 'closure_reason', 'closed_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'closed', closure_reason: 'goals_achieved' });
    await worker.close();
  });
});
