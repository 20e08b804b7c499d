import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { LETTER_PLACEHOLDERS, LETTER_SAMPLE_VALUES, withSampleValues } from './case-settings.codes.ts';
import { assertKnownPlaceholders, fillPlaceholders, unknownPlaceholders } from './letter-placeholders.ts';
import { letterBlocks } from './letter-templates.service.ts';

describe('letter placeholders', () => {
  it('fills the known placeholders, spaces inside the braces allowed, and leaves other braces alone', () => {
    const text = 'Gentile {{ person.fullName }}, pratica {{case.reference}} del {{today}}. {{ignoto}} {singola}';
    expect(fillPlaceholders(text, LETTER_SAMPLE_VALUES)).toBe('Gentile Maria Esposito, pratica C-2026-000123 del 26 novembre 2026. {{ignoto}} {singola}');
    expect(unknownPlaceholders(text)).toEqual(['ignoto']);
  });

  it('names every unknown placeholder once, in the order of first use', () => {
    expect(unknownPlaceholders('{{b}} {{a}} {{b}} {{person.fullName}} {{}}')).toEqual(['b', 'a', '']);
    const error = (() => {
      try {
        assertKnownPlaceholders('body', '{{nome}} e {{cognome}}');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details?.[0]).toMatchObject({ path: 'body', message: expect.stringContaining('{{nome}}, {{cognome}}') });
  });

  it('a text made only of known placeholders is always accepted and fully filled', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LETTER_PLACEHOLDERS)), fc.string(), (names, glue) => {
        const clean = glue.replace(/[{}]/g, '');
        const text = names.map((n) => `{{${n}}}`).join(clean);
        assertKnownPlaceholders('body', text);
        return !fillPlaceholders(text, LETTER_SAMPLE_VALUES).includes('{{') && withSampleValues(text) === fillPlaceholders(text, LETTER_SAMPLE_VALUES);
      }),
    );
  });

  it('splits a letter into paragraphs at blank lines', () => {
    expect(letterBlocks('Gentile signora,\n\nprima riga\nseconda riga\n  \n\nFirma')).toEqual([
      { kind: 'paragraph', text: 'Gentile signora,' },
      { kind: 'paragraph', text: 'prima riga\nseconda riga' },
      { kind: 'paragraph', text: 'Firma' },
    ]);
  });
});
