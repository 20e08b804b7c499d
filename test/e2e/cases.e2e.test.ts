import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';
import { signIn as signInAs } from './support/sign-in.ts';
import { login } from '../support/test-app.ts';

describe('cases in the browser', () => {
  const session = useE2eSession();

  const signIn = (page: Page, username: string) => session.signIn(page, username);

  it('the manager opens a case from the intake queue and changes its status with a reason; the desk sees whom to call', async () => {
    const item = await session.server.database.db
      .selectFrom('intake_item as i')
      .innerJoin('access_record as a', 'a.id', 'i.access_id')
      .innerJoin('access_person as ap', 'ap.access_id', 'a.id')
      .innerJoin('person as p', 'p.id', 'ap.person_id')
      .select(['i.id', 'a.request', 'p.id as person_id', 'p.family_name', 'p.given_name'])
      .where('i.status', 'in', ['waiting', 'assigned'])
      .where('ap.involvement', '=', 'beneficiary')
      .orderBy('i.referred_at')
      .executeTakeFirstOrThrow();
    const name = `${item.family_name} ${item.given_name}`;

    const manager = await session.browser.newPage();
    await signIn(manager, 'responsabile');
    await manager.getByTestId('nav-intake').click();
    await manager.getByTestId('intake-table').waitFor();
    const row = manager.getByTestId('intake-row').filter({ hasText: item.request }).filter({ hasText: name }).first();
    await row.getByTestId('intake-open-case').click();
    await manager.getByTestId('open-case-form').waitFor();
    expect(await manager.getByTestId('open-case-about').innerText()).toContain(name);
    await manager.getByTestId('open-owner').locator('option', { hasText: 'Marco Bianchi' }).waitFor({ state: 'attached' });
    await expectAccessible(manager, 'open case form');
    const owner = await manager.getByTestId('open-owner').locator('option', { hasText: 'Marco Bianchi' }).getAttribute('value');
    await manager.getByTestId('open-owner').selectOption(owner ?? '');
    await manager.getByTestId('open-next-review').fill('2027-03-01');
    await manager.getByTestId('open-case-submit').click();

    await manager.getByTestId('case-status').waitFor();
    expect(await manager.getByTestId('case-status').innerText()).toMatch(/Aperto|Open/);
    expect(await manager.getByTestId('case-owner').innerText()).toContain('Marco Bianchi');
    expect(await manager.getByTestId('case-persons').innerText()).toContain(name);
    await expectAccessible(manager, 'case page');
    // The page lists its sections at the top; a link leads to each.
    const nav = manager.getByTestId('case-sections-nav');
    expect(await nav.innerText()).toMatch(/Diario professionale[\s\S]*Valutazione[\s\S]*Documenti/);
    await nav.getByRole('link', { name: 'Documenti' }).click();
    await manager.waitForURL(/#case-section-documents$/);
    const taken = await session.server.database.db.selectFrom('intake_item').select('status').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(taken.status).toBe('taken_in_charge');

    // By keyboard: the dialog opens on Enter, the new status and the reason are typed, Enter saves.
    await manager.getByTestId('case-change-status').focus();
    await manager.keyboard.press('Enter');
    await manager.getByTestId('status-dialog').waitFor();
    await expectAccessible(manager, 'status dialog');
    await manager.getByTestId('status-to-assessing').check();
    await manager.getByTestId('status-reason').fill('Primo colloquio svolto, avvio la valutazione');
    await manager.getByTestId('status-dialog-submit').click();
    await manager.getByTestId('case-notice').waitFor();
    await manager.getByTestId('case-status').filter({ hasText: /In valutazione|Assessing/ }).waitFor();
    await manager.getByTestId('case-status-history').filter({ hasText: 'Primo colloquio svolto' }).waitFor();
    await expectAccessible(manager, 'case page after the status change');
    // The review date passes: the case shows it overdue.
    await manager.getByTestId('case-next-review').fill('2020-01-15');
    await manager.getByTestId('next-review-submit').click();
    await manager.getByText(/scaduta|overdue/).first().waitFor();

    const title = await manager.getByTestId('case-title').innerText();
    const reference = /\d{4}\/\d{6}/.exec(title)?.[0] ?? '';
    await manager.getByTestId('nav-cases').click();
    await manager.getByTestId('case-table').waitFor();
    await manager.getByTestId('case-row').filter({ hasText: reference }).waitFor();
    await expectAccessible(manager, 'case list');
    await manager.close();

    const desk = await session.browser.newPage();
    await signIn(desk, 'sportello');
    await desk.goto(`${session.server.url}/registry/persons/${item.person_id}`);
    const exists = desk.getByTestId('person-case').filter({ hasText: reference });
    await exists.waitFor();
    expect(await exists.getAttribute('data-access')).toBe('exists');
    expect(await exists.innerText()).toContain('Marco Bianchi');
    expect(await desk.getByTestId('nav-cases').count()).toBe(0);
    await expectAccessible(desk, 'person page with the case the desk may only know of');
    await desk.close();
  });

  it('a social worker outside the team sees whom to call, breaks the glass with a reason, and the manager sees it', async () => {
    const admin = await login(session.server.app, 'admin');
    const union = await session.server.database.db.selectFrom('territory_group').select('id').where('name', '=', 'Unione Reno Galliera').executeTakeFirstOrThrow();
    const password = 'una-password-lunga-e2e';
    const user = await admin.json<{ id: string }>('POST', '/api/users', { username: 'reperibile', displayName: 'Elena Sarti (reperibile)', password });
    expect(user.status).toBe(200);
    expect((await admin.request('POST', `/api/users/${user.body.id}/grants`, { role: 'social_worker', territoryKind: 'union', territoryId: union.id })).statusCode).toBe(200);
    const demoCase = await session.server.database.db.selectFrom('case_record').select(['id', 'reference']).where('status', '<>', 'closed').orderBy('reference').executeTakeFirstOrThrow();

    const outsider = await session.browser.newPage();
    await signInAs(outsider, session.server.url, 'reperibile', password);
    // The administrator chose the password: before anything else the app asks for one of the user's own.
    await outsider.goto(`${session.server.url}/cases/${demoCase.id}`);
    await outsider.getByTestId('password-change-required').waitFor();
    expect(new URL(outsider.url()).pathname).toBe('/account/password');
    await expectAccessible(outsider, 'password change required at the first sign-in');
    await outsider.getByTestId('password-current').fill(password);
    await outsider.getByTestId('password-new').fill('notte-di-guardia-e2e');
    await outsider.getByTestId('password-confirm').fill('notte-di-guardia-e2e');
    await outsider.getByTestId('password-submit').click();
    await outsider.waitForURL((url) => url.pathname === '/');
    await outsider.goto(`${session.server.url}/cases/${demoCase.id}`);
    await outsider.getByTestId('case-exists-call').waitFor();
    expect(await outsider.getByTestId('case-persons').count()).toBe(0);
    await expectAccessible(outsider, 'case seen by a social worker outside the team');
    await outsider.getByTestId('break-glass-submit').click();
    await outsider.getByTestId('break-glass-error').waitFor();
    await outsider.getByTestId('glass-reason').fill('Chiamata notturna delle forze dell’ordine, serve il contatto dei familiari');
    await outsider.getByTestId('break-glass-submit').click();
    await outsider.getByTestId('case-glass-active').waitFor();
    expect(await outsider.getByTestId('case-persons').count()).toBe(1);
    await expectAccessible(outsider, 'case opened by break the glass');
    await outsider.close();

    const manager = await session.browser.newPage();
    await signIn(manager, 'responsabile');
    await manager.goto(`${session.server.url}/cases/break-glass`);
    await manager.getByTestId('glass-events').waitFor();
    expect(await manager.getByTestId('glass-events').innerText()).toContain('Elena Sarti');
    expect(await manager.getByTestId('glass-events').innerText()).toContain(demoCase.reference);
    await expectAccessible(manager, 'emergency accesses');
    await manager.close();
  });
});
