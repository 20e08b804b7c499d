import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { archiveAccessLog, checkKeepMonths, checkMonthsAhead, prepareAccessLogPartitions, type ArchivedMonth } from './access-log-archive.ts';

export const accessLogUsage = `Uso / usage: trama access-log prepare [--months-ahead N]
       trama access-log archive --out DIR [--keep-months N] [--months-ahead N]`;

export type AccessLogRequest =
  | { action: 'prepare'; monthsAhead: number }
  | { action: 'archive'; monthsAhead: number; keepMonths: number; outDir: string };

const integer = (option: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new AppError('VALIDATION', { message: { it: `${option}: un numero intero, non "${raw}".`, en: `${option}: a whole number, not "${raw}".` } });
  return Number.parseInt(raw, 10);
};

/** `trama access-log …` read and checked before any database is opened: a refused value touches nothing. */
export function accessLogRequest(args: string[], config: Pick<Config, 'accessLogKeepMonths' | 'accessLogMonthsAhead'>): AccessLogRequest {
  const [action, ...rest] = args;
  if (action !== 'prepare' && action !== 'archive') throw new AppError('VALIDATION', { message: { it: accessLogUsage, en: accessLogUsage } });
  const { values } = parseArgs({
    args: rest,
    options: { 'months-ahead': { type: 'string' }, ...(action === 'archive' ? { 'keep-months': { type: 'string' }, out: { type: 'string' } } : {}) },
  });
  const monthsAhead = integer('--months-ahead', values['months-ahead'], config.accessLogMonthsAhead);
  checkMonthsAhead(monthsAhead);
  if (action === 'prepare') return { action, monthsAhead };
  const keepMonths = integer('--keep-months', values['keep-months'] as string | undefined, config.accessLogKeepMonths);
  checkKeepMonths(keepMonths);
  const out = values.out as string | undefined;
  if (!out) throw new AppError('VALIDATION', { message: { it: `--out DIR: la cartella dove scrivere i mesi esportati.\n${accessLogUsage}`, en: `--out DIR: the folder to write the exported months to.\n${accessLogUsage}` } });
  return { action, monthsAhead, keepMonths, outDir: path.resolve(out) };
}

export async function runAccessLogRequest(db: Db, request: AccessLogRequest): Promise<{ prepared: number; archived: ArchivedMonth[] }> {
  if (request.action === 'prepare') return { prepared: await prepareAccessLogPartitions(db, request.monthsAhead), archived: [] };
  return archiveAccessLog(db, request);
}
