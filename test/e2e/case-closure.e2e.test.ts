import { describe, expect, it } from 'vitest';
import { demoStage } from '../../src/demo/demo-story.ts';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

describe('case closure against the objectives of the plan in the browser', () => {
  const session = useE2eSession();

  it('the owner closes a case with an active plan, choosing each objective’s outcome by keyboard; the case page shows them', async () => {
    const { server, browser } = session;
    // The demo's active plan (two objectives) is on a case of assistente.
    const caseId = await demoStage(server.database.db, 'activePlan');
    const demo = await server.database.db.selectFrom('care_plan as p').select(['p.case_id as id', 'p.id as plan_id']).where('p.case_id', '=', caseId).where('p.status', '=', 'active').executeTakeFirstOrThrow();
    const objectives = await server.database.db.selectFrom('care_plan_objective').select(['id', 'description']).where('plan_id', '=', demo.plan_id).orderBy('position').execute();
    expect(objectives).toHaveLength(2);

    const page = await browser.newPage();
    await session.signIn(page, 'assistente');
    await page.goto(`${server.url}/cases/${demo.id}`);
    await page.getByTestId('case-change-status').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('status-dialog').waitFor();
    await page.getByTestId('status-to-closed').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('status-objectives').waitFor();
    expect(await page.getByTestId('status-objectives').innerText()).toContain(objectives[0]!.description);
    await expectAccessible(page, 'closure dialog with the objectives');

    await page.getByTestId('status-reason').fill('Progetto concluso con la famiglia');
    await page.getByTestId('status-closure-outcome').fill('La signora resta a casa con il sostegno della figlia.');
    // Saving without the objectives' outcomes: the server names the missing ones.
    await page.getByTestId('status-dialog-submit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('status-dialog-error').waitFor();
    await page.getByTestId('status-objectives-error').filter({ hasText: objectives[1]!.description }).waitFor();

    // First objective: Tab into the group, the arrow keys choose "partly achieved".
    await page.getByTestId('status-closure-outcome').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('status-objective-1-partly_achieved').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Il pasto caldo è ancora da organizzare.');
    // Second objective: achieved.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('status-objective-2-achieved').isChecked()).toBe(true);
    await expectAccessible(page, 'closure dialog with the outcomes chosen');
    await page.getByTestId('status-dialog-submit').focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('case-status').filter({ hasText: 'Chiuso' }).waitFor();
    const shown = page.getByTestId('case-objective-outcomes');
    await shown.waitFor();
    expect(await shown.innerText()).toContain(`${objectives[0]!.description}: Parzialmente raggiunto — Il pasto caldo è ancora da organizzare.`);
    expect(await shown.innerText()).toContain(`${objectives[1]!.description}: Raggiunto`);
    await expectAccessible(page, 'closed case with the outcomes');

    const stored = await server.database.db.selectFrom('case_record').select(['status', 'closure_objective_outcomes']).where('id', '=', demo.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('closed');
    expect(stored.closure_objective_outcomes?.map((o) => [o.objectiveId, o.outcome])).toEqual([[objectives[0]!.id, 'partly_achieved'], [objectives[1]!.id, 'achieved']]);
    await page.close();
  });
});
