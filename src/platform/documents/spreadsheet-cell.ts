// A cell that starts with = + - @ (or a tab / carriage return) is run as a formula by spreadsheet
// programs when a CSV is opened (CSV injection): exports prefix such cells with an apostrophe, which
// the spreadsheet shows as text, and imports of our own files take that apostrophe off again.
// A value that already looks guarded is guarded again, so that reading back is exact.
const FORMULA_START = /^'?[=+\-@\t\r]/;
const GUARDED = /^''?[=+\-@\t\r]/;

/** The value as an exported CSV cell must hold it to open as text in a spreadsheet. */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value an imported cell meant, without the apostrophe `spreadsheetSafe` added. */
export function fromSpreadsheetSafe(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value;
}

/** One field of a `;`-separated export: spreadsheet-safe, in double quotes when it holds a separator, quote or line break. */
export function csvField(raw: string): string {
  const value = spreadsheetSafe(raw);
  return /[;,"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
