import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

const HEADER = 'code;name;kind;unit;need_areas;siuss_benefit_code;access_rules';
const csvFile = (lines: string[]) => ({ name: 'catalogo.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8') });

describe('service catalogue in the browser', () => {
  const session = useE2eSession();

  const signIn = (page: Page, username: string) => session.signIn(page, username);

  it('manager: imports a CSV (bad rows listed, then a good file), edits an arrangement and sees the service map', async () => {
    const page = await session.browser.newPage();
    await signIn(page, 'responsabile');
    await page.getByTestId('nav-catalogue').click();
    await page.getByTestId('catalogue-table').waitFor();
    expect(await page.getByTestId('catalogue-table').innerText()).toContain('Assistenza domiciliare socio-assistenziale (SAD)');
    await expectAccessible(page, 'catalogue list');

    await page.getByTestId('catalogue-import').click();
    await page.getByTestId('import-file').setInputFiles(csvFile(['Z7.01;Orti sociali;other;hours;ELD;;', 'Z7.02;Senza unità;other;litri;ELD;;', 'Z7.03;;other;hours;MARS;;']));
    await page.getByTestId('import-file-info').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').locator('tbody th').allInnerTexts()).toEqual(['3', '4', '4']);
    const errors = await page.getByTestId('import-errors').innerText();
    expect(errors).toContain('unità di misura "litri" sconosciuta');
    expect(errors).toContain('manca il nome');
    expect(errors).toContain('area di bisogno "MARS" sconosciuta');
    await expectAccessible(page, 'import with errors');
    expect(await session.server.database.db.selectFrom('service').select('id').where('code', '=', 'Z7.01').execute()).toEqual([]);

    await page.getByTestId('import-file').setInputFiles(csvFile(['Z7.01;Orti sociali per anziani;other;hours;ELD;;Iscrizione allo sportello sociale', 'C1.01;Assistenza domiciliare (SAD);home_care;hours;ELD|DIS;A2.07;Valutazione dell’assistente sociale']));
    await page.getByTestId('import-file-info').waitFor();
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').innerText()).toMatch(/1 servizi da creare, 1 da aggiornare/);
    await page.getByTestId('import-run').click();
    await page.getByText('Importazione completata').waitFor();
    expect(await page.getByTestId('import-result').innerText()).toContain('1 servizi creati, 1 aggiornati');

    const created = await session.server.database.db.selectFrom('service').select('id').where('code', '=', 'Z7.01').executeTakeFirstOrThrow();
    await page.goto(`${session.server.url}/catalogue/services/${created.id}`);
    await page.getByTestId('arrangements-table').waitFor();
    await page.getByTestId('arrangement-set-037019').click();
    await page.getByTestId('arrangement-form').waitFor();
    await page.getByTestId('arrangement-title-holder-municipality').check();
    await page.getByTestId('arrangement-function-mode-direct').check();
    await expectAccessible(page, 'arrangement form');
    await page.getByTestId('arrangement-save').click();
    await page.getByTestId('arrangement-notice').waitFor();
    // The notice comes first, then the service is read again: wait for the row to show the new arrangement.
    await page.getByTestId('arrangement-row-037019').filter({ hasText: 'Gestione diretta' }).waitFor();
    expect(await page.getByTestId('arrangement-row-037019').innerText()).toContain('Comune\tGestione diretta\tDiretta');

    await page.getByTestId('nav-serviceMap').click();
    await page.getByTestId('service-map-table').waitFor();
    expect(await page.getByTestId('map-cell-Z7.01-037019').innerText()).toContain('Diretta');
    expect(await page.getByTestId('map-cell-G1.01-037028').innerText()).toBe('Non presente');
    await page.getByTestId('stats-chart').waitFor();
    await expectAccessible(page, 'service map');
    await page.getByTestId('map-need-area').selectOption('FAM');
    await page.waitForFunction(() => !document.body.innerText.includes('Casa residenza per anziani'));
    expect(await page.getByTestId('service-map-table').innerText()).toContain('Educativa domiciliare per minori');

    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('h1').innerText()).toBe('Service map');
    await expectAccessible(page, 'service map in English');
    await page.getByTestId('lang-it').click();
    await page.close();
  });

  it('manager: providers page; provider user: its organisation; front desk cannot manage', async () => {
    const page = await session.browser.newPage();
    await signIn(page, 'responsabile');
    await page.goto(`${session.server.url}/catalogue/providers`);
    await page.getByTestId('providers-table').waitFor();
    expect(await page.getByTestId('providers-table').innerText()).toContain('Coop. Sociale Il Ponte');
    await page.getByTestId('provider-new').click();
    await page.getByTestId('provider-form').waitFor();
    await expectAccessible(page, 'provider form');
    await page.close();

    const provider = await session.browser.newPage();
    await signIn(provider, 'fornitore');
    await provider.goto(`${session.server.url}/catalogue/mine`);
    await provider.getByTestId('provider-deliveries').waitFor();
    expect(await provider.locator('h1').innerText()).toBe('Coop. Sociale Il Ponte');
    await expectAccessible(provider, 'provider organisation');
    await provider.close();

    const desk = await session.browser.newPage();
    await signIn(desk, 'sportello');
    await desk.getByTestId('nav-catalogue').click();
    await desk.getByTestId('catalogue-table').waitFor();
    expect(await desk.getByTestId('catalogue-import').count()).toBe(0);
    await desk.goto(`${session.server.url}/catalogue/map`);
    await desk.getByTestId('forbidden').waitFor();
    await desk.close();

    const admin = await session.browser.newPage();
    await signIn(admin, 'admin');
    const fornitore = await session.server.database.db.selectFrom('app_user').select('id').where('username', '=', 'fornitore').executeTakeFirstOrThrow();
    await admin.goto(`${session.server.url}/admin/users/${fornitore.id}`);
    await admin.getByTestId('user-provider').waitFor();
    expect(await admin.getByTestId('user-provider').innerText()).toContain('Coop. Sociale Il Ponte');
    await admin.getByTestId('grant-role').selectOption('provider');
    await admin.getByTestId('grant-provider').waitFor();
    await admin.waitForFunction(() => document.querySelectorAll('[data-testid="grant-provider"] option').length > 1);
    await expectAccessible(admin, 'admin grants with provider organisation');
    await admin.close();
  });
});
