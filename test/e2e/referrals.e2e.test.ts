import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { expectAccessible } from './support/browser.ts';
import { useE2eSession } from './support/session.ts';

describe('referrals to specialist services and petitions for a support administrator in the browser', () => {
  const session = useE2eSession();

  it('the owner sends a referral with a document attached and drafts a petition, by keyboard, then opens its PDF', async () => {
    const { server, browser } = session;
    const db = server.database.db;
    const owner = await db.selectFrom('app_user').select('id').where('username', '=', 'assistente').executeTakeFirstOrThrow();
    const demoCase = await db.selectFrom('case_record').select(['id', 'reference']).where('owner_id', '=', owner.id).where('status', '<>', 'closed').orderBy('reference').executeTakeFirstOrThrow();
    const isee = await db.selectFrom('case_document').select('id').where('case_id', '=', demoCase.id).where('title', '=', 'Attestazione ISEE ordinario 2026').executeTakeFirstOrThrow();
    const page = await browser.newPage();
    await session.signIn(page, 'assistente');
    await page.goto(`${server.url}/cases/${demoCase.id}`);
    await page.getByTestId('referrals-table').waitFor();
    await page.getByTestId('case-petitions').waitFor();
    await expectAccessible(page, 'case page with referrals and petitions');

    // A new referral: the link opens the form; fields filled from the keyboard, the document ticked with Space.
    await page.getByTestId('referral-new').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('referral-form').waitFor();
    await page.getByTestId('referral-service').selectOption('employment_centre');
    await page.getByTestId('referral-contact').focus();
    await page.keyboard.type('Centro per l’impiego di Bologna');
    await page.getByTestId('referral-reason').focus();
    await page.keyboard.type('La persona ha perso il lavoro e chiede aiuto per cercarne uno nuovo.');
    await page.getByTestId('referral-question').focus();
    await page.keyboard.type('Chiediamo un colloquio di orientamento e l’iscrizione ai corsi.');
    await page.getByTestId(`referral-doc-${isee.id}`).focus();
    await page.keyboard.press('Space');
    await expectAccessible(page, 'new referral form');
    await page.getByTestId('referral-save').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('referral-status').waitFor();

    // Sent today: the status form by keyboard.
    await page.getByTestId('referral-status-to').selectOption('sent');
    await page.getByTestId('referral-status-submit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('referral-notice').filter({ hasText: /Inviato|Sent/ }).waitFor();
    await page.getByTestId('referral-view').waitFor();
    await page.getByTestId('status-history').waitFor();
    await expectAccessible(page, 'sent referral');
    const stored = await db.selectFrom('case_referral').select(['id', 'status']).where('case_id', '=', demoCase.id).where('service', '=', 'employment_centre').executeTakeFirstOrThrow();
    expect(stored.status).toBe('sent');
    const attached = await db.selectFrom('case_referral_document').select('document_id').where('referral_id', '=', stored.id).execute();
    expect(attached.map((a) => a.document_id)).toEqual([isee.id]);

    // A petition drafted from the case: the readability of the report shows while writing.
    await page.goto(`${server.url}/cases/${demoCase.id}`);
    await page.getByTestId('petition-new').waitFor();
    await page.getByTestId('petition-new').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('petition-form').waitFor();
    expect(await page.getByTestId('petition-court').inputValue()).toBe('Tribunale di Bologna');
    await page.getByTestId('petition-reasons').focus();
    await page.keyboard.type('La persona vive sola. Non riesce più a pagare le bollette. Ha bisogno di aiuto per la pensione.');
    await page.getByTestId('petition-readability-index').waitFor();
    await page.getByTestId('petition-acts').focus();
    await page.keyboard.type('Riscossione della pensione e pagamento delle bollette.');
    await page.getByTestId('petition-save').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('petition-notice').filter({ hasText: /Bozza salvata|Draft saved/ }).waitFor();
    await expectAccessible(page, 'petition draft');
    const beneficiary = (await page.getByTestId('petition-beneficiary').locator('dd').first().textContent()) ?? '';
    const href = await page.getByTestId('petition-pdf').getAttribute('href');
    const printed = await page.request.get(`${server.url}${href ?? ''}`);
    expect(printed.headers()['content-type']).toBe('application/pdf');
    const text = pdfText(Buffer.from(await printed.body()));
    expect(text).toContain(beneficiary);
    expect(text).toContain('Tribunale di Bologna');
    expect(text).toContain('Non riesce più a pagare le bollette.');
    await page.close();
  });
});
