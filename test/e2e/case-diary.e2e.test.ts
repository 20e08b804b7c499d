import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { fillDiaryEntry } from './support/case-diary.ts';
import { useE2eSession } from './support/session.ts';
import { login } from '../support/test-app.ts';
import type { DiaryPage } from '../../src/features/case-diary/case-diary.schemas.ts';

describe('case diary in the browser', () => {
  const session = useE2eSession();

  it('the owner adds an entry and corrects it by keyboard; the history shows both versions; a concurrent save shows the current entry; a colleague sees no history', async () => {
    const demoCase = await session.server.database.db
      .selectFrom('case_record as c')
      .innerJoin('app_user as u', 'u.id', 'c.owner_id')
      .select(['c.id'])
      .where('u.username', '=', 'assistente')
      .where('c.status', '<>', 'closed')
      .orderBy('c.reference')
      .executeTakeFirstOrThrow();

    const page = await session.browser.newPage();
    await session.signIn(page, 'assistente');
    await page.goto(`${session.server.url}/cases/${demoCase.id}`);
    await page.getByTestId('diary-section').waitFor();
    await page.getByTestId('diary-recent').getByTestId('diary-entry').first().waitFor();
    await expectAccessible(page, 'case page with the diary');

    // A new entry, by keyboard only.
    await fillDiaryEntry(page, {
      kind: 'home_visit',
      minutes: 50,
      external: [{ name: 'dott.ssa Neri', body: 'Ausl — Centro di salute mentale' }],
      text: 'Visita domiciliare: la signora accoglie le operatrici, casa in ordine.',
    });
    await expectAccessible(page, 'new diary entry dialog');
    await page.getByTestId('diary-add-dialog-submit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('diary-notice').waitFor();
    const added = page.getByTestId('diary-recent').getByTestId('diary-entry').filter({ hasText: 'casa in ordine' });
    await added.waitFor();
    expect(await added.innerText()).toContain('dott.ssa Neri (Ausl — Centro di salute mentale)');

    // The correction, by keyboard, with its reason.
    await added.getByTestId('diary-correct').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('diary-correct-dialog').waitFor();
    await page.getByTestId('diary-text').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' Frigorifero quasi vuoto.');
    await page.getByTestId('diary-reason').focus();
    await page.keyboard.type('Omesso un dettaglio rilevante');
    await expectAccessible(page, 'diary correction dialog');
    await page.getByTestId('diary-correct-dialog-submit').focus();
    await page.keyboard.press('Enter');
    const corrected = page.getByTestId('diary-recent').getByTestId('diary-entry').filter({ hasText: 'Frigorifero quasi vuoto' });
    await corrected.getByTestId('diary-corrected').waitFor();

    // The owner reads the previous version.
    await corrected.getByTestId('diary-history').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('diary-history-version').nth(1).waitFor();
    const versions = await page.getByTestId('diary-history-version').allInnerTexts();
    expect(versions).toHaveLength(2);
    expect(versions[0]).toContain('Omesso un dettaglio rilevante');
    expect(versions[1]).not.toContain('Frigorifero');
    await expectAccessible(page, 'diary history');
    await page.keyboard.press('Escape');
    await page.getByTestId('diary-history-dialog').waitFor({ state: 'detached' });

    // Two people correct at once: the second save shows the entry as saved meanwhile, then goes through.
    await corrected.getByTestId('diary-correct').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('diary-correct-dialog').waitFor();
    const manager = await login(session.server.app, 'responsabile');
    const listed = await manager.json<DiaryPage>('GET', `/api/cases/${demoCase.id}/diary`);
    const current = listed.body.entries.find((e) => e.text.includes('Frigorifero quasi vuoto'))!;
    const meanwhile = await manager.json('POST', `/api/cases/${demoCase.id}/diary/${current.id}/corrections`, {
      kind: current.kind, occurredAt: current.occurredAt, minutes: 55, text: current.text, externalParticipants: current.externalParticipants, version: current.version, reason: 'Durata corretta dal verbale',
    });
    expect(meanwhile.status).toBe(200);
    await page.getByTestId('diary-reason').focus();
    await page.keyboard.type('Aggiunta la durata effettiva');
    await page.getByTestId('diary-correct-dialog-submit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('diary-conflict-current').waitFor();
    expect(await page.getByTestId('diary-correct-dialog-error').innerText()).toMatch(/nel frattempo|meanwhile/);
    expect(await page.getByTestId('diary-conflict-current').innerText()).toContain('55');
    await expectAccessible(page, 'diary correction conflict');
    await page.getByTestId('diary-correct-dialog-submit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('diary-notice').filter({ hasText: /Correzione salvata|Correction saved/ }).waitFor();
    await page.getByTestId('diary-correct-dialog').waitFor({ state: 'detached' });

    // Every entry, a page at a time.
    await page.getByTestId('diary-show-all').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('diary-all-list').getByTestId('diary-entry').first().waitFor();
    await expectAccessible(page, 'all diary entries');
    await page.close();

    // A colleague of the team reads the corrected entry but not its history.
    const colleague = await session.browser.newPage();
    await session.signIn(colleague, 'assistente2');
    await colleague.goto(`${session.server.url}/cases/${demoCase.id}`);
    const seen = colleague.getByTestId('diary-recent').getByTestId('diary-entry').filter({ hasText: 'Frigorifero quasi vuoto' });
    await seen.waitFor();
    expect(await seen.getByTestId('diary-corrected').count()).toBe(1);
    expect(await seen.getByTestId('diary-history').count()).toBe(0);
    await colleague.close();
  });
});
