import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { appPath } from '../../platform/app-root.ts';
import { invalid } from '../../platform/http/errors.ts';
import { SINA_CODED_FIELDS, SINA_FIELD_NAMES, SINA_LIST_FIELD } from './assessments.codes.ts';
import type { Sina, SinaOption } from './assessments.schemas.ts';

const csvFile = appPath('src/features/assessments/data/siuss-enumerazioni.csv');

/** English translations of the Italian SINA labels (Trama's; the CSV carries the Italian ones). */
const SINA_EN: Record<string, Record<string, string>> = {
  Mobilita: { '1': 'Moves alone', '2': 'Moves with assistance', '3': 'Does not move' },
  AttivitaVitaQuotidiana: { '1': 'Independent', '2': 'Partly dependent', '3': 'Totally dependent' },
  DisturbiAreaCognitiva: { '1': 'Mild', '2': 'Moderate', '3': 'Severe' },
  DisturbiComportamentali: { '1': 'Absent', '2': 'Present' },
  NecessitaCureSanitarie: { '1': 'Low', '2': 'Medium', '3': 'High' },
  AreaReddituale: {
    '1': 'Self-sufficient and financially balanced',
    '2': 'Helped by relatives and/or other persons',
    '3': 'In economic need with no help from relatives or other persons',
  },
  AreaSupporto: {
    '1': 'Family or informal network present',
    '2': 'Family or informal network partly and/or temporarily present',
    '3': 'No family or informal network',
  },
  FonteDerivazioneValutazione: { '1': 'Multidimensional assessment unit (UVM)', '2': 'Social case record', '3': 'Other documentation', '4': 'Collected directly' },
  StrumentoValutazione: { '1': 'SVAMA', '2': 'AGED', '3': 'RUG', '4': 'SOSIA', '5': 'Polar chart', '6': 'VALGRAF', '7': 'Other coding system' },
  InvCiv: {
    '1': 'Partial civil invalidity certified, not less than 75%',
    '2': 'Total civil invalidity (100%) certified, with attendance allowance',
    '3': 'Total civil invalidity (100%) certified, without attendance allowance',
    '4': 'Child neuropsychiatry (NPI) certification',
    '5': 'L. 104 certification (art. 3, paragraph 1)',
    '6': 'L. 104 certification (art. 3, paragraph 3)',
    '7': 'L. 104 certification (art. 12)',
    '8': 'L. 104 certification (art. 13)',
  },
  FonteDerivazioneInvalidita: { '1': 'Invalidity certification checked online or on paper', '2': 'Statement of the person' },
};

let cache: SinaOption[] | undefined;

/** The coded values of each SINA field, from the SIUSS enumerations (PS_PSA_SINA), Italian and English. */
export function sinaOptions(): SinaOption[] {
  if (cache) return cache;
  const rows: Record<string, string>[] = parse(fs.readFileSync(csvFile, 'utf8'), { columns: true, comment: '#', skip_empty_lines: true, trim: true });
  cache = SINA_FIELD_NAMES.map((field) => ({
    field,
    codes: rows
      .filter((row) => row.flusso === 'PS_PSA_SINA' && row.field === field)
      .map((row) => {
        const code = row.code ?? '';
        return { code, it: row.label ?? code, en: SINA_EN[field]?.[code] ?? row.label ?? code };
      }),
  }));
  return cache;
}

const unknownCode = (field: string, code: string) =>
  invalid(`sina.${field}`, {
    it: `Codice SIUSS «${code}» non previsto per il campo ${field} del flusso SINA.`,
    en: `SIUSS code "${code}" is not allowed for the SINA field ${field}.`,
  });

/** Checks every code of the block against the CSV (400 naming the field); with `complete`, the XSD-required fields too. */
export function checkSina(sina: Sina, complete: boolean): void {
  const allowed = new Map(sinaOptions().map((o) => [o.field, new Set(o.codes.map((c) => c.code))]));
  for (const { field, required } of SINA_CODED_FIELDS) {
    const code = sina[field];
    if (code === undefined || code === null || code === '') {
      if (complete && required) {
        throw invalid(`sina.${field}`, { it: `Indicare il campo ${field} del blocco SINA.`, en: `Fill in the SINA field ${field}.` });
      }
      continue;
    }
    if (!allowed.get(field)?.has(code)) throw unknownCode(field, code);
  }
  for (const code of sina[SINA_LIST_FIELD] ?? []) {
    if (!allowed.get(SINA_LIST_FIELD)?.has(code)) throw unknownCode(SINA_LIST_FIELD, code);
  }
}
