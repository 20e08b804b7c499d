import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { accessLogRequest } from './access-log-command.ts';

const defaults = { accessLogKeepMonths: 24, accessLogMonthsAhead: 3 };
const refusal = (args: string[], config = defaults) => {
  try {
    accessLogRequest(args, config);
  } catch (error) {
    if (error instanceof AppError) return `${error.bilingual.it}\n${error.bilingual.en}`;
    throw error;
  }
  throw new Error('accepted');
};

describe('trama access-log options', () => {
  it('archives with the configured window and months ahead, into the folder given', () => {
    expect(accessLogRequest(['archive', '--out', 'archivio'], defaults)).toEqual({ action: 'archive', keepMonths: 24, monthsAhead: 3, outDir: path.resolve('archivio') });
    expect(accessLogRequest(['archive', '--out', '/a', '--keep-months', '60', '--months-ahead', '0'], defaults)).toMatchObject({ keepMonths: 60, monthsAhead: 0 });
    expect(accessLogRequest(['prepare'], { accessLogKeepMonths: 1, accessLogMonthsAhead: 6 })).toEqual({ action: 'prepare', monthsAhead: 6 });
  });

  it('refuses a window under 24 months, from the option or from TRAMA_ACCESS_LOG_KEEP_MONTHS', () => {
    expect(refusal(['archive', '--out', '/a', '--keep-months', '23'])).toMatch(/almeno 24 mesi[\s\S]*at least 24 months/);
    expect(refusal(['archive', '--out', '/a'], { accessLogKeepMonths: 12, accessLogMonthsAhead: 3 })).toMatch(/vale 12/);
  });

  it('refuses a missing folder, a number that is not one, months ahead beyond 24, an unknown action', () => {
    expect(refusal(['archive'])).toMatch(/--out DIR/);
    expect(refusal(['archive', '--out', '/a', '--keep-months', '24.5'])).toMatch(/--keep-months: un numero intero/);
    expect(refusal(['prepare', '--months-ahead', '25'])).toMatch(/da 0 a 24/);
    expect(refusal(['purge'])).toMatch(/Uso \/ usage/);
  });
});
