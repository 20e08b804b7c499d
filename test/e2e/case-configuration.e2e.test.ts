import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

const HARD_TEXT =
  'Con riferimento alla Sua istanza, si comunica che, ai sensi della normativa vigente in materia di procedimento amministrativo, ' +
  'l’Amministrazione provvederà all’adozione del provvedimento conclusivo subordinatamente alla acquisizione della documentazione integrativa.';
const PLAIN_TEXT = 'Gentile {{person.fullName}},\n\nabbiamo ricevuto la sua domanda. Ci servono altri documenti. Li porti in ufficio entro trenta giorni.\n\n{{worker.name}}';

describe('the service manager configures case work', () => {
  const session = useE2eSession();

  it('edits a letter template, sees the readability warning, opens the PDF preview', async () => {
    const page = await session.browser.newPage();
    await session.signIn(page, 'responsabile');
    await page.getByTestId('home-link-caseSettings').click();
    await page.getByTestId('procedure-types').waitFor();
    await page.getByTestId('dimensions').getByText('Salute e autonomia').waitFor();
    expect(await page.getByTestId('inactivity-days').inputValue()).toBe('60');
    await expectAccessible(page, 'case configuration');

    await page.getByRole('link', { name: 'Modelli di lettera' }).first().click();
    await page.getByTestId('letter-templates').waitFor();
    await page.getByRole('link', { name: 'Convocazione a colloquio' }).click();
    await page.getByTestId('template-readability-index').waitFor();
    await expectAccessible(page, 'letter template editor');

    await page.getByTestId('template-body').fill(`${HARD_TEXT} {{protocollo}}`);
    await page.getByTestId('template-readability-warning').waitFor();
    expect(await page.getByTestId('template-readability-band').innerText()).toBe('molto difficile');
    expect(await page.getByTestId('template-readability-longest').innerText()).toContain('Con riferimento alla Sua istanza');
    expect(await page.getByTestId('template-readability-live').getAttribute('aria-live')).toBe('polite');
    await page.getByTestId('template-submit').click();
    await page.getByTestId('template-body-error').waitFor();
    expect(await page.getByTestId('template-body-error').innerText()).toContain('{{protocollo}}');
    await expectAccessible(page, 'letter template with a readability warning and an error');
    if (process.env.TRAMA_E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.TRAMA_E2E_SCREENSHOTS}/letter-template.png`, fullPage: true });

    await page.getByTestId('template-body').fill(PLAIN_TEXT);
    await page.getByTestId('template-readability-warning').waitFor({ state: 'detached' });
    await page.getByTestId('template-submit').click();
    await page.getByTestId('template-saved').waitFor();

    const href = await page.getByTestId('template-preview').getAttribute('href');
    expect(await page.getByTestId('template-preview').getAttribute('target')).toBe('_blank');
    const pdf = await page.context().request.get(`${session.server.url}${href ?? ''}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('adds an assessment dimension whose scale must rise, and changes the days without activity', async () => {
    const page = await session.browser.newPage();
    await session.signIn(page, 'responsabile');
    await page.goto(`${session.server.url}/case-settings`);
    await page.getByTestId('new-dimension-open').click();
    await page.getByTestId('new-dimension-code').fill('LEGAL');
    await page.getByTestId('new-dimension-nameIt').fill('Situazione legale');
    await page.getByTestId('new-dimension-nameEn').fill('Legal situation');
    await page.getByTestId('new-dimension-scaleMin').fill('3');
    await page.getByTestId('new-dimension-scaleMax').fill('3');
    await page.getByTestId('new-dimension-submit').click();
    await page.getByTestId('new-dimension-scaleMax-error').waitFor();
    expect(await page.getByTestId('new-dimension-scaleMax-error').innerText()).toContain('maggiore del minimo');
    await expectAccessible(page, 'new assessment dimension with an error');

    await page.getByTestId('new-dimension-scaleMin').fill('0');
    await page.getByTestId('new-dimension-scaleMax').fill('1');
    await page.getByTestId('new-dimension-level-0-it').fill('Nessun problema');
    await page.getByTestId('new-dimension-level-0-en').fill('No problem');
    await page.getByTestId('new-dimension-level-1-it').fill('Procedimenti in corso');
    await page.getByTestId('new-dimension-level-1-en').fill('Pending proceedings');
    await page.getByTestId('new-dimension-submit').click();
    await page.getByTestId('dimensions').getByText('Situazione legale').waitFor();
    expect(await page.getByTestId('dimensions').innerText()).toContain('1 Procedimenti in corso');

    await page.getByTestId('inactivity-days').fill('90');
    await page.getByTestId('near-deadline-days').fill('10');
    await page.getByTestId('inactivity-submit').click();
    await page.getByTestId('inactivity-saved').waitFor();
    await page.reload();
    await page.getByTestId('procedure-types').waitFor();
    await expect.poll(() => page.getByTestId('inactivity-days').inputValue()).toBe('90');
    expect(await page.getByTestId('near-deadline-days').inputValue()).toBe('10');
    await page.close();
  });
});
