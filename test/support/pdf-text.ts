import { inflateSync } from 'node:zlib';

// Windows-1252 bytes 0x80–0x9F (\u0000 where unassigned); the rest is Latin-1. Written out because Node
// builds without full ICU decode 'windows-1252' as Latin-1.
const HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
const cp1252 = (bytes: Buffer) => Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? HIGH.charAt(b - 0x80) : String.fromCharCode(b))).join('');

/** The content of every stream of a PDF, inflated when it is Flate-compressed. */
function streams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const match of raw.matchAll(/(?<!end)stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    const bytes = Buffer.from(raw.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      out.push(bytes.toString('latin1'));
    }
  }
  return out;
}

/**
 * The text lines a pdfkit PDF written with the standard fonts shows, in order: each TJ operator's hex
 * strings decoded as WinAnsi (kerning numbers dropped). Enough for tests; not a general PDF parser.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  return streams(pdf).flatMap((content) =>
    [...content.matchAll(/\[([^\]]*)\] TJ/g)].map((m) => [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => cp1252(Buffer.from(h[1] ?? '', 'hex'))).join('')),
  );
}

/** All the text of the PDF as one string, lines joined by spaces (a paragraph reads as typed). */
export const pdfText = (pdf: Buffer): string => pdfTextLines(pdf).join(' ').replace(/ +/g, ' ');
