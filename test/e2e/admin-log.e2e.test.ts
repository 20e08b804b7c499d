import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

describe('administration log in the browser', () => {
  const session = useE2eSession();

  it('admin renames a user; the change is in the administration log, before and after, for the admin and the manager', async () => {
    const { db } = session.server.database;
    const clerk = await db.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', 'amministrativo').executeTakeFirstOrThrow();
    const page = await session.browser.newPage();
    await session.signIn(page, 'admin');
    await page.goto(`${session.server.url}/admin/users/${clerk.id}`);
    await page.getByLabel('Nome e cognome').fill('Paolo Neri (ufficio)');
    await page.getByTestId('user-profile-save').click();
    await page.getByTestId('profile-saved').waitFor();

    await page.getByTestId('nav-adminLog').click();
    await page.getByTestId('admin-log-table').waitFor();
    const row = page.getByTestId('admin-log-table').locator('tbody tr').filter({ hasText: 'Paolo Neri (ufficio)' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Amministratore di sistema');
    expect(text).toContain('Modifica');
    expect(text).toContain(`displayName: ${clerk.display_name} → Paolo Neri (ufficio)`);
    await expectAccessible(page, 'administration log');

    await page.getByLabel('Oggetto').selectOption('team');
    await page.getByTestId('admin-log-search').click();
    await page.waitForURL(/entityType=team/);
    await page.getByTestId('admin-log-table').filter({ hasText: 'Nessuna modifica registrata.' }).waitFor();

    const manager = await session.browser.newPage();
    await session.signIn(manager, 'responsabile');
    await manager.goto(`${session.server.url}/admin-log?entityType=user`);
    await manager.getByTestId('admin-log-table').locator('tbody tr').filter({ hasText: 'Paolo Neri (ufficio)' }).waitFor();
    await expectAccessible(manager, 'administration log (manager)');
    await page.close();
    await manager.close();
  });
});
