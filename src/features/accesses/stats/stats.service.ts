import { sql } from 'kysely';
import type { Actor } from '../../../platform/access/actor.ts';
import { scopeFor } from '../../../platform/access/scope.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, invalid } from '../../../platform/http/errors.ts';
import { CHANNELS, OUTCOMES } from '../accesses.codes.ts';
import { ACCESS_STATS } from '../permissions.ts';
import type { AccessStats, AccessStatsQuery, Breakdown } from './stats.schemas.ts';
import { LinkedCounts } from './suppression.ts';
import '../accesses.tables.ts';
import '../../catalogue/catalogue.tables.ts';
import '../../territories/territories.tables.ts';
import { dayInRome } from '../../../platform/time/rome.ts';

/** Counts under this are hidden: in a small town, "2 accesses for addiction in March" can name a person. */
export const SUPPRESSION_THRESHOLD = 5;
const MAX_MONTHS = 36;
const ZONE = 'Europe/Rome';

type Dimension = 'channel' | 'needArea' | 'outcome';
const DIMENSIONS: Dimension[] = ['channel', 'needArea', 'outcome'];

/** Raw counts of one table row (a municipality-month, a municipality's period, or everything). */
interface Counts {
  total: number;
  channel: Map<string, number>;
  needArea: Map<string, number>;
  outcome: Map<string, number>;
}

/** The same row as handles into the LinkedCounts, to read back once suppressed. */
interface Handles {
  total: number;
  channel: Map<string, number>;
  needArea: Map<string, number>;
  outcome: Map<string, number>;
}

const emptyCounts = (): Counts => ({ total: 0, channel: new Map(), needArea: new Map(), outcome: new Map() });

function addTo(counts: Counts, row: { channel: string; need_area_code: string; outcome: string; n: number }) {
  counts.total += row.n;
  counts.channel.set(row.channel, (counts.channel.get(row.channel) ?? 0) + row.n);
  counts.needArea.set(row.need_area_code, (counts.needArea.get(row.need_area_code) ?? 0) + row.n);
  counts.outcome.set(row.outcome, (counts.outcome.get(row.outcome) ?? 0) + row.n);
}

const currentMonth = () => dayInRome().slice(0, 7);
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

function monthsOf(query: AccessStatsQuery): string[] {
  const to = query.to ?? currentMonth();
  const from = query.from ?? monthOf(monthIndex(to) - 11);
  const count = monthIndex(to) - monthIndex(from) + 1;
  if (count < 1) throw invalid('to', { it: 'Il mese finale precede quello iniziale.', en: 'The last month is before the first.' });
  if (count > MAX_MONTHS) {
    throw invalid('from', { it: `Scegliere un periodo di ${MAX_MONTHS} mesi al massimo.`, en: `Choose a period of ${MAX_MONTHS} months at most.` });
  }
  return Array.from({ length: count }, (_, i) => monthOf(monthIndex(from) + i));
}

/**
 * Accesses by channel, area of need and outcome, per municipality of the actor's territories and per
 * month, with the suppression rule of LinkedCounts applied across every total of the table.
 */
export async function accessStats(db: Db, actor: Actor, query: AccessStatsQuery): Promise<AccessStats> {
  const months = monthsOf(query);
  const scope = scopeFor(actor, ACCESS_STATS);
  if (query.municipalityCode && !scope.municipalityCodes.includes(query.municipalityCode)) {
    throw new AppError('FORBIDDEN', { message: { it: 'Il comune non è tra i territori di competenza.', en: 'The municipality is not among your territories.' } });
  }
  const codes = query.municipalityCode ? [query.municipalityCode] : scope.municipalityCodes;
  const first = `${months[0]}-01`;
  const afterLast = `${monthOf(monthIndex(months[months.length - 1] ?? first) + 1)}-01`;
  const [needAreas, municipalities, rows] = await Promise.all([
    db.selectFrom('need_area').select(['code', 'label_it', 'label_en']).orderBy('sort_order').execute(),
    db.selectFrom('municipality').select(['istat_code', 'name']).where('istat_code', 'in', codes.length ? codes : ['-']).orderBy('name').execute(),
    db
      .selectFrom('access_record as a')
      .select([
        'a.municipality_code',
        sql<string>`to_char(a.occurred_at AT TIME ZONE ${ZONE}, 'YYYY-MM')`.as('month'),
        'a.channel',
        'a.need_area_code',
        'a.outcome',
        sql<number>`count(*)::int`.as('n'),
      ])
      .where('a.municipality_code', 'in', codes.length ? codes : ['-'])
      .where('a.occurred_at', '>=', sql<string>`(${first}::date::timestamp AT TIME ZONE ${ZONE})`)
      .where('a.occurred_at', '<', sql<string>`(${afterLast}::date::timestamp AT TIME ZONE ${ZONE})`)
      .groupBy(['a.municipality_code', sql`2`, 'a.channel', 'a.need_area_code', 'a.outcome'])
      .execute(),
  ]);

  const categories: Record<Dimension, string[]> = { channel: [...CHANNELS], needArea: needAreas.map((n) => n.code), outcome: [...OUTCOMES] };
  const overall = emptyCounts();
  const byMunicipality = new Map(municipalities.map((m) => [m.istat_code, { period: emptyCounts(), months: new Map(months.map((mo) => [mo, emptyCounts()])) }]));
  for (const row of rows) {
    const entry = byMunicipality.get(row.municipality_code);
    const monthCounts = entry?.months.get(row.month);
    if (!entry || !monthCounts) continue;
    for (const counts of [overall, entry.period, monthCounts]) addTo(counts, row);
  }

  const linked = new LinkedCounts();
  const register = (counts: Counts): Handles => {
    const handles: Handles = { total: linked.add(counts.total), channel: new Map(), needArea: new Map(), outcome: new Map() };
    for (const dimension of DIMENSIONS) {
      for (const code of categories[dimension]) handles[dimension].set(code, linked.add(counts[dimension].get(code) ?? 0));
      linked.sum(handles.total, [...handles[dimension].values()]);
    }
    return handles;
  };
  /** A parent row is the sum of its children, figure by figure. */
  const link = (parent: Handles, children: Handles[]) => {
    linked.sum(parent.total, children.map((child) => child.total));
    for (const dimension of DIMENSIONS) {
      for (const code of categories[dimension]) linked.sum(parent[dimension].get(code) ?? -1, children.map((child) => child[dimension].get(code) ?? -1));
    }
  };

  const overallHandles = register(overall);
  const tree = municipalities.map((m) => {
    const entry = byMunicipality.get(m.istat_code) ?? { period: emptyCounts(), months: new Map<string, Counts>() };
    const period = register(entry.period);
    const monthHandles = months.map((mo) => ({ month: mo, handles: register(entry.months.get(mo) ?? emptyCounts()) }));
    link(period, monthHandles.map((x) => x.handles));
    return { m, period, monthHandles };
  });
  link(overallHandles, tree.map((x) => x.period));

  const shown = linked.suppressed(SUPPRESSION_THRESHOLD);
  const read = (handles: Handles): Breakdown => {
    const pick = (dimension: Dimension) => Object.fromEntries(categories[dimension].map((code) => [code, shown[handles[dimension].get(code) ?? -1] ?? null]));
    return { total: shown[handles.total] ?? null, channel: pick('channel') as Breakdown['channel'], needArea: pick('needArea'), outcome: pick('outcome') as Breakdown['outcome'] };
  };
  return {
    suppressionThreshold: SUPPRESSION_THRESHOLD,
    from: months[0] ?? '',
    to: months[months.length - 1] ?? '',
    months,
    needAreas: needAreas.map((n) => ({ code: n.code, labelIt: n.label_it, labelEn: n.label_en })),
    overall: read(overallHandles),
    municipalities: tree.map(({ m, period, monthHandles }) => ({
      municipalityCode: m.istat_code,
      municipalityName: m.name,
      period: read(period),
      months: monthHandles.map(({ month, handles }) => ({ month, ...read(handles) })),
    })),
  };
}
