import { describe, expect, it } from 'vitest';
import { fromSpreadsheetSafe, spreadsheetSafe } from './spreadsheet-cell.ts';

describe('spreadsheet cells', () => {
  it('turns text a spreadsheet would run as a formula into plain text', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x","clic")')).toBe(`'=HYPERLINK("http://x","clic")`);
    expect(spreadsheetSafe('+39 051 123')).toBe(`'+39 051 123`);
    expect(spreadsheetSafe('-2')).toBe(`'-2`);
    expect(spreadsheetSafe('@SUM(A1)')).toBe(`'@SUM(A1)`);
  });

  it('leaves ordinary text alone, apostrophes included', () => {
    expect(spreadsheetSafe('Assistenza domiciliare')).toBe('Assistenza domiciliare');
    expect(spreadsheetSafe("L'Aquila")).toBe("L'Aquila");
  });

  it('reads back what it wrote, and only that', () => {
    for (const value of ['=1+1', '-2', 'Sportello', "'quoted", "'=not a formula"]) expect(fromSpreadsheetSafe(spreadsheetSafe(value))).toBe(value);
  });
});
