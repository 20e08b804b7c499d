import { describe, expect, it } from 'vitest';
import { addExternalParticipant, fillPreliminary, scoreDimensions } from './support/assessments.ts';
import { expectAccessible } from './support/browser.ts';
import { keyboard } from './support/keyboard.ts';
import { useE2eSession } from './support/session.ts';

describe('assessment and UVM meeting in the browser', () => {
  const session = useE2eSession();

  it('the owner fills an in-depth assessment by keyboard, completes it and records a UVM meeting with its minutes', async () => {
    const db = session.server.database.db;
    const owner = await db.selectFrom('app_user').select('id').where('username', '=', 'assistente').executeTakeFirstOrThrow();
    const target = await db
      .selectFrom('case_record as c')
      .select(['c.id'])
      .where('c.owner_id', '=', owner.id)
      .where('c.status', 'in', ['open', 'assessing', 'in_charge'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('case_assessment as a').select('a.id').whereRef('a.case_id', '=', 'c.id'))))
      .orderBy('c.opened_at')
      .executeTakeFirstOrThrow();

    const page = await session.browser.newPage();
    const keys = keyboard(page);
    await session.signIn(page, 'assistente');
    await page.goto(`${session.server.url}/cases/${target.id}`);
    await page.getByTestId('assessment-section').getByText(/Nessuna valutazione|No assessment/).waitFor();
    await keys.press('assessment-new');

    await page.getByTestId('assessment-preliminary-form').waitFor();
    // A colleague saved the draft meanwhile: the save is refused (412) and the current version is shown.
    await keys.type('preliminary-request', 'Prima stesura');
    await db.updateTable('case_assessment').set((eb) => ({ version: eb('version', '+', 1) })).where('case_id', '=', target.id).execute();
    await keys.press('assessment-save');
    await page.getByTestId('assessment-conflict').waitFor();
    expect(await page.getByTestId('preliminary-request').inputValue()).toBe('');
    await fillPreliminary(page, {
      request: 'Il figlio chiede un aiuto per la madre che non esce più di casa.',
      needs: 'Compagnia, spesa, controllo della terapia.',
      resources: 'Figlio presente la sera.',
    });
    await expectAccessible(page, 'preliminary analysis');
    await keys.press('assessment-to-in-depth');

    await page.getByTestId('assessment-in-depth-form').waitFor();
    // Each dimension: the focus on its first level, arrow keys move along the scale (and select).
    await scoreDimensions(page, { HEALTH: 3, HOUSEHOLD: 2, HOUSING: 1, WORK: 2, EDUCATION: 1, NETWORK: 4 });
    expect(await page.getByTestId('dimension-NETWORK-score-4').isChecked()).toBe(true);
    await keys.type('dimension-NETWORK-notes', 'Nessuna rete oltre al figlio.');
    // One dimension at the top of its scale: at least "high".
    await page.getByTestId('assessment-proposed').filter({ hasText: /alta|high/ }).waitFor();

    await keys.press('sina-include', 'Space');
    await page.getByTestId('sina-block').waitFor();
    await keys.choose('sina-Mobilita', '2');
    await keys.choose('sina-AttivitaVitaQuotidiana', '2');
    await keys.choose('sina-DisturbiComportamentali', '1');
    await keys.choose('sina-AreaReddituale', '1');
    await keys.choose('sina-AreaSupporto', '2');
    await keys.choose('sina-FonteDerivazioneValutazione', '4');
    await keys.choose('sina-StrumentoValutazione', '7');
    await keys.press('sina-InvCiv-5', 'Space');
    await expectAccessible(page, 'in-depth assessment');
    await keys.press('assessment-save');
    await page.getByTestId('assessment-notice').waitFor();
    await keys.press('assessment-complete');
    await page.getByTestId('assessment-title').or(page.getByTestId('assessment-error')).first().waitFor();
    if (await page.getByTestId('assessment-error').isVisible()) throw new Error(await page.getByTestId('assessment-error').innerText());

    await page.getByTestId('assessment-title').filter({ hasText: /completata|completed/ }).waitFor();
    expect(await page.getByTestId('assessment-sina').innerText()).toMatch(/Si Sposta Assistito|Moves with assistance/);
    await expectAccessible(page, 'assessment version');
    const saved = await db.selectFrom('case_assessment').select(['status', 'proposed_intensity', 'intensity']).where('case_id', '=', target.id).executeTakeFirstOrThrow();
    expect(saved).toEqual({ status: 'completed', proposed_intensity: 'high', intensity: 'high' });

    await page.goto(`${session.server.url}/cases/${target.id}`);
    await page.getByTestId('assessment-versions').waitFor();
    await keys.press('meeting-new');
    await page.getByTestId('meeting-form').waitFor();
    await keys.type('meeting-place', 'Sede del servizio sociale');
    await addExternalParticipant(page, 'Dott. Marco Neri', 'Ausl Bologna — UVM anziani');
    await keys.type('meeting-question', 'Serve un inserimento al centro diurno?');
    await keys.type('meeting-decisions', 'Inserimento al centro diurno due giorni a settimana.');
    await expectAccessible(page, 'meeting form');
    await keys.press('meeting-save');

    await page.getByTestId('meeting-title').waitFor();
    expect(await page.getByTestId('meeting-decisions').innerText()).toContain('centro diurno due giorni');
    await expectAccessible(page, 'meeting view');
    const href = await page.getByTestId('meeting-pdf').getAttribute('href');
    const pdf = await page.request.get(`${session.server.url}${href ?? ''}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.close();
  });
});
