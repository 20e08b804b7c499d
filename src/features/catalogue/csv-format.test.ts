import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS, SERVICE_UNITS } from './catalogue.codes.ts';
import { formatCatalogueCsv, parseCatalogueCsv } from './csv-format.ts';
import { isValidProviderTaxCode, isValidVatNumber, vatCheckDigit } from './tax-code.ts';

const refs = { needAreas: new Set(['FAM', 'ELD', 'DIS']), siussBenefits: new Set(['A2.07', 'A1.04']) };

describe('catalogue CSV format', () => {
  it('what the export writes, the import reads back unchanged, whatever the text holds', () => {
    const text = fc.string({ minLength: 0, maxLength: 40 }).map((s) => s.trim());
    const row = fc.record({
      code: fc.stringMatching(/^[A-Z0-9][A-Z0-9._/-]{0,10}$/),
      name: fc.string({ minLength: 1, maxLength: 60 }).map((s) => s.trim()).filter((s) => s.length > 0),
      kind: fc.constantFrom(...SERVICE_KINDS),
      unit: fc.constantFrom(...SERVICE_UNITS),
      needAreas: fc.subarray(['DIS', 'ELD', 'FAM'], { minLength: 1 }),
      siussBenefitCode: fc.constantFrom(null, 'A2.07', 'A1.04'),
      accessRules: text.map((s) => s || null),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.code, minLength: 1, maxLength: 8 }), (rows) => {
        const parsed = parseCatalogueCsv(formatCatalogueCsv(rows), refs);
        expect(parsed.errors).toEqual([]);
        expect(parsed.rows.map(({ line: _line, ...rest }) => rest)).toEqual(rows);
      }),
      { seed: 20261126, numRuns: 200 },
    );
  });

  it('exports a name a spreadsheet would run as a formula as text, and imports it back as it was', () => {
    const rows = [{ code: 'X1', name: '=HYPERLINK("http://x";"clic")', kind: SERVICE_KINDS[0], unit: SERVICE_UNITS[0], needAreas: ['FAM'], siussBenefitCode: null, accessRules: '+39 051 000' }];
    const csv = formatCatalogueCsv(rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"";""clic"")"`);
    expect(csv).toContain(`;'+39 051 000`);
    expect(parseCatalogueCsv(csv, refs).rows[0]).toMatchObject({ name: rows[0]!.name, accessRules: '+39 051 000' });
  });

  it('numbers lines as a spreadsheet does, across quoted line breaks and blank lines', () => {
    const text = 'code,name,kind,unit,need_areas,siuss_benefit_code,access_rules\n\nA1,"Due\nrighe",other,hours,FAM,,\nB2,Nome,other,parsecs,FAM,,\n';
    expect(parseCatalogueCsv(text, refs).errors).toEqual([{ line: 5, it: expect.stringContaining('Riga 5: unità') as string, en: expect.stringContaining('Line 5: unknown unit "parsecs"') as string }]);
  });
});

describe('provider tax codes', () => {
  it('checks the partita IVA check digit and the codice fiscale', () => {
    expect(isValidVatNumber('12345678903')).toBe(true);
    expect(isValidVatNumber('12345678901')).toBe(false);
    expect(isValidVatNumber(`0312345012${vatCheckDigit('0312345012')}`)).toBe(true);
    expect(isValidProviderTaxCode('RSSMRA85T10A562S')).toBe(true);
    expect(isValidProviderTaxCode('RSSMRA85T10A562X')).toBe(false);
  });
});
