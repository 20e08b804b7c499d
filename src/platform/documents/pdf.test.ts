import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfText, pdfTextLines as shownLines } from '../../../test/support/pdf-text.ts';
import { printable, renderPdf, type PdfSource } from './pdf.ts';

const FIXED = { creationDate: new Date('2026-11-26T09:00:00Z'), compress: false };
const letter: PdfSource = {
  title: 'Comunicazione di avvio del procedimento',
  language: 'it',
  metadata: ['Protocollo n. 1234/2026', 'Destinataria: Sig.ra Lucia Ferrari'],
  blocks: [
    { kind: 'heading', text: 'Oggetto: contributo economico' },
    { kind: 'paragraph', text: 'Gentile signora, la sua domanda è arrivata. Il contributo è di 250,00 € al mese. Perché sia pagato, l’ufficio deve ricevere l’ISEE entro trenta giorni.' },
    { kind: 'table', columns: ['Voce', 'Importo'], rows: [['Affitto', '300,00 €'], ['Utenze', '80,50 €']] },
  ],
  signatures: [{ label: 'L’assistente sociale', name: 'Giulia Bianchi' }],
  footer: { municipality: 'Comune di Castel Maggiore', date: '26/11/2026' },
  author: 'Giulia Bianchi',
};

describe('PDF rendering', () => {
  it('prints Italian accented letters, the euro sign and typographic quotes as real text', async () => {
    const text = pdfText(await renderPdf(letter, FIXED));
    expect(text).toContain('Comunicazione di avvio del procedimento');
    expect(text).toContain('la sua domanda è arrivata');
    expect(text).toContain('250,00 € al mese');
    expect(text).toContain('Perché sia pagato, l’ufficio');
    expect(text).toContain('Protocollo n. 1234/2026');
    expect(text).toContain('80,50 €');
    expect(text).toContain('L’assistente sociale');
    expect(text).toContain('Comune di Castel Maggiore — 26/11/2026');
    expect(text).toContain('Pagina 1 di 1');
  });

  it('declares its language and shows its title, A4', async () => {
    const raw = (await renderPdf(letter, FIXED)).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/Lang (it-IT)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    const english = (await renderPdf({ ...letter, language: 'en' }, FIXED)).toString('latin1');
    expect(english).toContain('/Lang (en)');
    expect(shownLines(Buffer.from(english, 'latin1'))).toContain('Page 1 of 1');
  });

  it('is tagged: headings, paragraphs and table cells in reading order; rules and footers are artifacts', async () => {
    const raw = (await renderPdf(letter, FIXED)).toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Marked true');
    for (const type of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD']) expect(raw).toContain(`/S /${type}`);
    expect(raw).toContain('/Artifact <<\n/Type /Pagination');
    expect(raw.match(/ BDC/g)?.length).toBe(raw.match(/\bEMC\b/g)?.length);
  });

  it('numbers every page of a long document', async () => {
    const long: PdfSource = { ...letter, blocks: Array.from({ length: 40 }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragrafo ${i + 1}. ${'Testo del verbale della riunione. '.repeat(8)}` })) };
    const lines = shownLines(await renderPdf(long, FIXED));
    const pages = lines.filter((l) => /^Pagina \d+ di \d+$/.test(l));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages).toEqual(pages.map((_, i) => `Pagina ${i + 1} di ${pages.length}`));
  });

  it('reads the same text back from the compressed PDF', async () => {
    expect(pdfText(await renderPdf(letter, { creationDate: FIXED.creationDate }))).toBe(pdfText(await renderPdf(letter, FIXED)));
  });

  it('is byte-identical for the same input and creation date', async () => {
    const [a, b] = await Promise.all([renderPdf(letter, { creationDate: FIXED.creationDate }), renderPdf(letter, { creationDate: FIXED.creationDate })]);
    expect(a.equals(b)).toBe(true);
  });

  it('keeps every Windows-1252 character and reduces other accented letters to their base letter', () => {
    expect(printable('àèéìòù ÀÈÉÌÒÙ € “” ‘’ – — …')).toBe('àèéìòù ÀÈÉÌÒÙ € “” ‘’ – — …');
    expect(printable('Ștefan Łukasz Dvořák 李')).toBe('Stefan ?ukasz Dvorák ?');
    fc.assert(
      fc.property(fc.string(), (s) => Array.from(printable(s)).every((c) => c === '\n' || (c.codePointAt(0) ?? 0) <= 0xff || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(c))),
    );
  });
});
