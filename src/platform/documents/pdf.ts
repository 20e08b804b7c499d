// pdfkit (with its fonts) is loaded on the first PDF asked for, not at start-up: ~20 MB less resident.
const loadPdfKit = async () => (await import('pdfkit')).default;

/**
 * A structured document printed to an A4 PDF: letters, meeting minutes, plans. The PDF carries real
 * text (searchable, readable by screen readers), its title shown in the window title, its language
 * ('it-IT' or 'en') and a footer with the municipality, the date and "page n of m" on every page.
 * It is tagged: title, headings, paragraphs, table rows and cells are structure elements in reading
 * order; rules and the footer are artifacts that assistive technology skips.
 *
 * Fonts: the 14 standard PDF fonts (Helvetica), which need no embedding and encode text as WinAnsi
 * (Windows-1252): every Italian letter, the euro sign and typographic quotes print as typed. A letter
 * outside that set (e.g. the Romanian "ș" of a name) prints without its accent ("s"); anything else
 * that cannot be printed becomes "?".
 */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][] };

export interface PdfSource {
  title: string;
  language: 'it' | 'en';
  /** Lines under the title, e.g. "Protocollo: 123/2026". */
  metadata?: string[];
  blocks: PdfBlock[];
  /** Signature lines at the end: a label ("L'assistente sociale") and optionally the name. */
  signatures?: { label: string; name?: string }[];
  footer: { municipality: string; date: string };
  author?: string;
  subject?: string;
}

export interface PdfOptions {
  /** Fixed creation date, for byte-identical output in tests. */
  creationDate?: Date;
  /** Uncompressed content streams (tests read the text back). */
  compress?: boolean;
}

const MARGIN = 56;
const FOOTER_HEIGHT = 28;
const BODY_SIZE = 11;
const WIN_1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can print: Latin-1 and the Windows-1252 extras, other letters without accents. */
export function printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_1252_EXTRA.has(char)) out += char;
    else if (char === '\t') out += ' ';
    else if (code < 0x20) continue;
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base !== char && Array.from(base).every((c) => (c.codePointAt(0) ?? 0) <= 0xff) ? base : '?';
    }
  }
  return out;
}

const pageLabel = (language: PdfSource['language'], n: number, of: number) => (language === 'it' ? `Pagina ${n} di ${of}` : `Page ${n} of ${of}`);

type Struct = PDFKit.PDFStructureElement;

/** A horizontal rule, marked as an artifact (decoration, not content). */
function rule(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number, width: number): void {
  doc.markContent('Artifact', { type: 'Layout' });
  doc.moveTo(x1, y).lineTo(x2, y).lineWidth(width).stroke();
  doc.endMarkedContent();
}

function drawTable(doc: PDFKit.PDFDocument, parent: Struct, columns: string[], rows: string[][]): void {
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const columnWidth = width / Math.max(1, columns.length);
  const padding = 4;
  const table = doc.struct('Table');
  parent.add(table);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    const texts = columns.map((_, i) => printable(cells[i] ?? ''));
    const height = Math.max(...texts.map((t) => doc.heightOfString(t || ' ', { width: columnWidth - 2 * padding }))) + 2 * padding;
    if (doc.y + height > doc.page.height - MARGIN - FOOTER_HEIGHT) doc.addPage();
    const top = doc.y;
    const row = doc.struct('TR');
    table.add(row);
    texts.forEach((t, i) => {
      row.add(doc.struct(bold ? 'TH' : 'TD', {}, () => { doc.text(t, left + i * columnWidth + padding, top + padding, { width: columnWidth - 2 * padding }); }));
    });
    row.end();
    rule(doc, left, left + width, top + height, bold ? 1 : 0.5);
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(columns, true);
  for (const row of rows) drawRow(row, false);
  table.end();
  doc.moveDown();
}

function drawFooters(doc: PDFKit.PDFDocument, source: PdfSource): void {
  const range = doc.bufferedPageRange();
  const footer = printable(`${source.footer.municipality} — ${source.footer.date}`);
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN;
    const width = doc.page.width - 2 * MARGIN;
    doc.font('Helvetica').fontSize(9).fillColor('#333333');
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.text(footer, MARGIN, y, { width, align: 'left', lineBreak: false });
    doc.text(pageLabel(source.language, i + 1, range.count), MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/** The document as PDF bytes. */
export async function renderPdf(source: PdfSource, options: PdfOptions = {}): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: source.language === 'it' ? 'it-IT' : 'en',
    displayTitle: true,
    tagged: true,
    pdfVersion: '1.7',
    info: {
      Title: source.title,
      ...(source.author ? { Author: source.author } : {}),
      ...(source.subject ? { Subject: source.subject } : {}),
      Creator: 'Trama',
      Producer: 'Trama',
      ...(options.creationDate ? { CreationDate: options.creationDate } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => { resolve(Buffer.concat(chunks)); });
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const add = (type: string, draw: () => void) => { root.add(doc.struct(type, {}, draw)); };
  add('H1', () => doc.font('Helvetica-Bold').fontSize(16).fillColor('#000000').text(printable(source.title)));
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10);
  for (const line of source.metadata ?? []) add('P', () => doc.text(printable(line)));
  doc.moveDown();
  for (const block of source.blocks) {
    if (block.kind === 'heading') {
      doc.moveDown(0.5);
      add('H2', () => doc.font('Helvetica-Bold').fontSize(13).text(printable(block.text)));
      doc.moveDown(0.3);
    } else if (block.kind === 'paragraph') {
      add('P', () => doc.font('Helvetica').fontSize(BODY_SIZE).text(printable(block.text), { align: 'left', lineGap: 2 }));
      doc.moveDown(0.6);
    } else {
      drawTable(doc, root, block.columns, block.rows);
    }
  }
  if (source.signatures?.length) {
    doc.moveDown(2);
    for (const signature of source.signatures) {
      if (doc.y + 60 > doc.page.height - MARGIN - FOOTER_HEIGHT) doc.addPage();
      doc.font('Helvetica').fontSize(BODY_SIZE);
      add('P', () => doc.text(printable(signature.label)));
      if (signature.name) add('P', () => doc.text(printable(signature.name ?? '')));
      doc.moveDown(1.5);
      rule(doc, MARGIN, MARGIN + 220, doc.y, 0.5);
      doc.moveDown(1.5);
    }
  }
  root.end();
  drawFooters(doc, source);
  doc.end();
  return done;
}
