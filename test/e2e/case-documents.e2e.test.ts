import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/platform/documents/pdf.ts';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

const HARD_TEXT =
  'Con la presente si comunica che, ai sensi della normativa vigente in materia di interventi e servizi sociali e in considerazione della documentazione amministrativa prodotta, la Sua istanza di contributo economico straordinario risulta attualmente sottoposta a istruttoria procedimentale approfondita da parte del competente ufficio comunale.';

describe('case documents and letters in the browser', () => {
  const session = useE2eSession();

  it('the case owner attaches a file and downloads it, then writes a letter whose readability warning shows, saves and sends it', async () => {
    const { server, browser } = session;
    const owner = await server.database.db.selectFrom('app_user').select('id').where('username', '=', 'assistente').executeTakeFirstOrThrow();
    const demoCase = await server.database.db
      .selectFrom('case_record')
      .select(['id', 'reference'])
      .where('owner_id', '=', owner.id)
      .where('status', '<>', 'closed')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const page = await browser.newPage();
    await session.signIn(page, 'assistente');
    await page.goto(`${server.url}/cases/${demoCase.id}`);
    await page.getByTestId('case-documents').waitFor();
    await page.getByTestId('document-upload').waitFor();
    await page.getByTestId('letter-new').waitFor();
    await expectAccessible(page, 'case page with documents and letters');

    // Upload, by keyboard: the label names the file input; Enter on the button sends the form.
    const pdf = await renderPdf({ title: 'Verbale di consegna', language: 'it', blocks: [{ kind: 'paragraph', text: 'Consegnati i documenti.' }], footer: { municipality: 'Prova', date: 'oggi' } });
    await page.getByLabel(/^(File)$/).setInputFiles({ name: 'verbale.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('document-title').fill('Verbale di consegna dei documenti');
    await page.getByTestId('document-category').selectOption('correspondence');
    await page.getByTestId('document-submit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('documents-notice').filter({ hasText: 'Verbale di consegna dei documenti' }).waitFor();
    const row = page.getByTestId('document-row').filter({ hasText: 'Verbale di consegna dei documenti' });
    await row.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('document-download').click()]);
    expect(download.suggestedFilename()).toBe('verbale.pdf');

    // Withdrawn with a reason, by keyboard: the form takes the focus; the document stays listed.
    await row.getByRole('button', { name: /Ritira|Withdraw/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('document-withdraw').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Caricato due volte');
    await page.keyboard.press('Enter');
    await row.filter({ hasText: 'Caricato due volte' }).waitFor();

    // A fake PDF is refused with a clear message.
    await page.getByLabel(/^(File)$/).setInputFiles({ name: 'programma.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00fake executable', 'latin1') });
    await page.getByTestId('document-title').fill('Finto PDF');
    await page.getByTestId('document-category').selectOption('other');
    await page.getByTestId('document-submit').click();
    await page.getByText(/Tipo di file non ammesso|File type not allowed/).waitFor();
    await expectAccessible(page, 'upload refused');

    // A letter from the template, pre-filled with the case data.
    await page.getByTestId('letter-template').selectOption({ label: 'Convocazione a colloquio (IT)' });
    await page.getByTestId('letter-new-submit').click();
    await page.getByTestId('letter-form').waitFor();
    expect(await page.getByTestId('letter-body').inputValue()).toContain(demoCase.reference);
    await page.getByTestId('letter-readability-index').waitFor();
    await page.getByTestId('letter-body').fill(HARD_TEXT);
    await page.getByTestId('letter-readability-warning').waitFor();
    await expectAccessible(page, 'letter composer with the readability warning');
    await page.getByTestId('letter-save').click();
    await page.getByTestId('letter-notice').filter({ hasText: /Bozza salvata|Draft saved/ }).waitFor();
    await page.getByTestId('letter-send').click();
    await page.getByTestId('letter-sent').waitFor();
    expect(await page.getByTestId('letter-form').count()).toBe(0);
    const stored = await server.database.db.selectFrom('case_letter').select(['status', 'gulpease_at_sending']).where('case_id', '=', demoCase.id).where('body', '=', HARD_TEXT).executeTakeFirstOrThrow();
    expect(stored.status).toBe('sent');
    expect(Number(stored.gulpease_at_sending)).toBeLessThan(60);
    const pdfHref = await page.getByTestId('letter-pdf').getAttribute('href');
    const printed = await page.request.get(`${server.url}${pdfHref ?? ''}`);
    expect(printed.headers()['content-type']).toBe('application/pdf');
    await expectAccessible(page, 'sent letter');
    await page.close();
  });
});
