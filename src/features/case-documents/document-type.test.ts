import { describe, expect, it } from 'vitest';
import { detectDocumentType } from './document-type.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(100)]);
// The header of a Compound File Binary (old .doc / .xls).
const CFB = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);

describe('the type of an uploaded document, read from its bytes', () => {
  it('ignores the name: a PNG called .pdf is a PNG, an executable called .pdf is refused', async () => {
    expect(await detectDocumentType(PNG, 'scansione.pdf')).toEqual({ mediaType: 'image/png', extension: 'png' });
    expect(await detectDocumentType(EXE, 'certificato.pdf')).toBeUndefined();
  });

  it('accepts text only as clean UTF-8 in a .txt file', async () => {
    expect((await detectDocumentType(Buffer.from('Nota: la signora è stata chiamata.\n'), 'nota.txt'))?.mediaType).toBe('text/plain; charset=utf-8');
    expect(await detectDocumentType(Buffer.from('Nota'), 'nota.html')).toBeUndefined();
    expect(await detectDocumentType(Buffer.from([0x4e, 0x00, 0x01, 0x02]), 'nota.txt')).toBeUndefined();
    expect(await detectDocumentType(Buffer.from([0xff, 0xfe, 0xfd]), 'nota.txt')).toBeUndefined();
  });

  it('tells old Word from old Excel files by their name, since they share one container', async () => {
    expect((await detectDocumentType(CFB, 'relazione.doc'))?.mediaType).toBe('application/msword');
    expect((await detectDocumentType(CFB, 'conti.XLS'))?.mediaType).toBe('application/vnd.ms-excel');
    expect(await detectDocumentType(CFB, 'installatore.msi')).toBeUndefined();
  });
});
