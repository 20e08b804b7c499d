import { parse } from 'csv-parse/sync';
import { csvField, fromSpreadsheetSafe } from '../../platform/documents/spreadsheet-cell.ts';
import type { Bilingual } from '../../platform/http/errors.ts';
import { CSV_COLUMNS, CSV_COLUMNS_TEXT, SERVICE_KINDS, SERVICE_UNITS, type ServiceKind, type ServiceUnit } from './catalogue.codes.ts';
import { SERVICE_CODE } from './catalogue.schemas.ts';
import type { ReferenceCodes } from './reference-codes.ts';

// The catalogue file: one service a row, UTF-8 (with or without BOM), `;` or `,` between fields,
// fields with separators, quotes or line breaks in double quotes. Areas of need are separated by `|`.

export interface CatalogueRow {
  line: number;
  code: string;
  name: string;
  kind: ServiceKind;
  unit: ServiceUnit;
  needAreas: string[];
  siussBenefitCode: string | null;
  accessRules: string | null;
}

export interface RowError extends Bilingual {
  line: number;
}

export interface ParsedCatalogue {
  rows: CatalogueRow[];
  errors: RowError[];
}

const NAME_MAX = 200;
const RULES_MAX = 4000;
const isKind = (value: string): value is ServiceKind => (SERVICE_KINDS as readonly string[]).includes(value);
const isUnit = (value: string): value is ServiceUnit => (SERVICE_UNITS as readonly string[]).includes(value);

/** The separator of the header line: the one of `;` and `,` it uses more. */
function delimiterOf(text: string): ';' | ',' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

interface RawRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

function readRecords(text: string): { records: { line: number; fields: string[] }[] } | { error: RowError } {
  let raw: RawRecord[];
  try {
    raw = parse(text, { bom: true, delimiter: delimiterOf(text.replace(/^\uFEFF/, '')), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as RawRecord[];
  } catch (error) {
    const line = Number((error as { lines?: unknown }).lines) || 1;
    return { error: { line, it: `Riga ${line}: virgolette non chiuse o testo non leggibile come CSV.`, en: `Line ${line}: unclosed quotes or text that cannot be read as CSV.` } };
  }
  let previousEnd = 0;
  let previousEmpty = 0;
  const records = raw.map(({ record, info }) => {
    // info.lines is the line where the record ends; it starts after the previous one and any empty lines.
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return { line, fields: record };
  });
  return { records };
}

function headerErrors(header: string[]): RowError[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((column) => !names.includes(column));
  const extra = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (!missing.length && !extra.length && names.length === CSV_COLUMNS.length) return [];
  const expected = CSV_COLUMNS_TEXT;
  return [
    {
      line: 1,
      it: `Riga 1: intestazione non valida${missing.length ? `, mancano: ${missing.join(', ')}` : ''}${extra.length ? `, colonne sconosciute: ${extra.join(', ')}` : ''}. Attesa: ${expected}.`,
      en: `Line 1: invalid header${missing.length ? `, missing: ${missing.join(', ')}` : ''}${extra.length ? `, unknown columns: ${extra.join(', ')}` : ''}. Expected: ${expected}.`,
    },
  ];
}

function checkRow(line: number, value: (column: (typeof CSV_COLUMNS)[number]) => string, refs: ReferenceCodes, seen: Map<string, number>) {
  const errors: RowError[] = [];
  const fail = (it: string, en: string) => errors.push({ line, it: `Riga ${line}: ${it}`, en: `Line ${line}: ${en}` });
  const code = value('code').toUpperCase();
  if (!code) fail('manca il codice.', 'the code is missing.');
  else if (!SERVICE_CODE.test(code)) fail(`codice "${code}" non valido (lettere, cifre e . - _ /, al massimo 30).`, `invalid code "${code}" (letters, digits and . - _ /, at most 30).`);
  else if (seen.has(code)) fail(`codice ${code} ripetuto (già alla riga ${seen.get(code)}).`, `code ${code} repeated (already on line ${seen.get(code)}).`);
  else seen.set(code, line);
  const name = value('name');
  if (!name) fail('manca il nome.', 'the name is missing.');
  else if (name.length > NAME_MAX) fail(`nome troppo lungo (al massimo ${NAME_MAX} caratteri).`, `name too long (at most ${NAME_MAX} characters).`);
  const kind = value('kind').toLowerCase();
  if (!isKind(kind)) fail(`tipologia "${kind}" sconosciuta (ammesse: ${SERVICE_KINDS.join(', ')}).`, `unknown kind "${kind}" (allowed: ${SERVICE_KINDS.join(', ')}).`);
  const unit = value('unit').toLowerCase();
  if (!isUnit(unit)) fail(`unità di misura "${unit}" sconosciuta (ammesse: ${SERVICE_UNITS.join(', ')}).`, `unknown unit "${unit}" (allowed: ${SERVICE_UNITS.join(', ')}).`);
  const needAreas = [...new Set(value('need_areas').toUpperCase().split(/[|,\s]+/).filter(Boolean))];
  if (!needAreas.length) fail('manca almeno un’area di bisogno.', 'at least one area of need is missing.');
  for (const area of needAreas.filter((a) => !refs.needAreas.has(a))) fail(`area di bisogno "${area}" sconosciuta.`, `unknown area of need "${area}".`);
  const siuss = value('siuss_benefit_code').toUpperCase();
  if (siuss && !refs.siussBenefits.has(siuss)) fail(`codice prestazione SIUSS "${siuss}" sconosciuto.`, `unknown SIUSS benefit code "${siuss}".`);
  const rules = value('access_rules');
  if (rules.length > RULES_MAX) fail(`regole di accesso troppo lunghe (al massimo ${RULES_MAX} caratteri).`, `access rules too long (at most ${RULES_MAX} characters).`);
  if (errors.length || !isKind(kind) || !isUnit(unit)) return { errors };
  const row: CatalogueRow = { line, code, name, kind, unit, needAreas: needAreas.sort(), siussBenefitCode: siuss || null, accessRules: rules || null };
  return { errors, row };
}

/** Reads and checks a whole file; every bad row is reported with its line, never only the first. */
export function parseCatalogueCsv(text: string, refs: ReferenceCodes): ParsedCatalogue {
  const read = readRecords(text);
  if ('error' in read) return { rows: [], errors: [read.error] };
  const [header, ...body] = read.records;
  if (!header) return { rows: [], errors: [{ line: 1, it: 'Il file è vuoto.', en: 'The file is empty.' }] };
  const errors = headerErrors(header.fields);
  if (errors.length) return { rows: [], errors };
  if (!body.length) return { rows: [], errors: [{ line: 2, it: 'Il file non contiene servizi dopo l’intestazione.', en: 'The file holds no services after the header.' }] };
  const index = new Map(header.fields.map((name, i) => [name.trim().toLowerCase(), i]));
  const rows: CatalogueRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    if (fields.length !== CSV_COLUMNS.length) {
      errors.push({
        line,
        it: `Riga ${line}: ${fields.length} colonne invece di ${CSV_COLUMNS.length}.`,
        en: `Line ${line}: ${fields.length} columns instead of ${CSV_COLUMNS.length}.`,
      });
      continue;
    }
    const checked = checkRow(line, (column) => fromSpreadsheetSafe((fields[index.get(column) ?? -1] ?? '').trim()), refs, seen);
    errors.push(...checked.errors);
    if (checked.row) rows.push(checked.row);
  }
  return { rows, errors };
}


/** The catalogue in the import format: `;`-separated with a BOM, so spreadsheet programs read it as UTF-8. */
export function formatCatalogueCsv(rows: readonly Omit<CatalogueRow, 'line'>[]): string {
  const lines = rows.map((row) =>
    [row.code, row.name, row.kind, row.unit, row.needAreas.join('|'), row.siussBenefitCode ?? '', row.accessRules ?? ''].map(csvField).join(';'),
  );
  return `\uFEFF${[CSV_COLUMNS_TEXT, ...lines].join('\r\n')}\r\n`;
}
