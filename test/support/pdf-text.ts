import { inflateSync } from 'node:zlib';

// Windows-1252 bytes 0x80–0x9F (\u0000 where unassigned); the rest is Latin-1. Written out because Node
// builds without full ICU decode 'windows-1252' as Latin-1.
const HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
const cp1252 = (bytes: Buffer) => Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? HIGH.charAt(b - 0x80) : String.fromCharCode(b))).join('');

/**
 * The content of every stream of a PDF, inflated when it is Flate-compressed. Streams are walked in order
 * and each is cut by its /Length, so bytes inside compressed data that happen to read "stream" are never
 * taken for the start of another stream.
 */
function streams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const start = /(?<!end)stream\r?\n/g;
  for (let match = start.exec(raw); match; match = start.exec(raw)) {
    const from = match.index + match[0].length;
    const dictionary = raw.slice(raw.lastIndexOf('<<', match.index), match.index);
    const length = /\/Length (\d+)/.exec(dictionary)?.[1];
    const end = length ? from + Number(length) : raw.indexOf('endstream', from);
    if (end < 0) continue;
    // Without a /Length the end-of-line before "endstream" is dropped; with one, the bytes are exact (a
    // compressed stream may well end in a 0x0A byte of its own).
    const bytes = Buffer.from(length ? raw.slice(from, end) : raw.slice(from, end).replace(/\r?\n$/, ''), 'latin1');
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      out.push(bytes.toString('latin1'));
    }
    start.lastIndex = end;
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
