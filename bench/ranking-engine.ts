/**
 * `npm run bench:ranking`: the in-memory share of issue 14's target — ranking and assigning places to
 * 100,000 and 1,000,000 applications (10 criteria, 20 sites × 3 age groups) — measured alone, without
 * the database. Merges its figures into the results file as `scenarios.rankingEngine`. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assignPlaces, reassignAfterRelease, type Capacity, type Preference } from '../src/features/calls/assignment.ts';
import { rankApplications } from '../src/features/calls/ranking.ts';
import { RuleSet, type Application } from '../src/features/calls/scoring.schemas.ts';
import { clock } from '../src/platform/time/clock.ts';
import { loadBenchConfig } from './config.ts';

const SIZES = (process.env.TRAMA_BENCH_RANKING_SIZES ?? '100000,1000000').split(',').map(Number);
const RUNS = 3;
const SITES = Array.from({ length: 20 }, (_, i) => `site${String(i + 1).padStart(2, '0')}`);
const GROUPS = ['lattanti', 'semidivezzi', 'divezzi'];

/** mulberry32: a small seeded PRNG, so every run ranks the same applications. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const label = (it: string) => ({ it, en: it });
const flag = (key: string, points: number) => ({ key, kind: 'flag', answer: key, label: label(key), pointsHundredths: points });
const count = (key: string, perUnit: number, cap: number | null) => ({ key, kind: 'count', answer: key, label: label(key), pointsPerUnitHundredths: perUnit, capHundredths: cap });

/** Ten criteria as a nursery call has them: ISEE bands, six yes/no situations, three counts. */
const rules = RuleSet.parse({
  criteria: [
    {
      key: 'iseeBand', kind: 'band', answer: 'isee', label: label('Fascia ISEE'), missingHundredths: 0,
      bands: [
        { from: null, to: 600_000, pointsHundredths: 1200 },
        { from: 600_000, to: 1_200_000, pointsHundredths: 900 },
        { from: 1_200_000, to: 2_000_000, pointsHundredths: 600 },
        { from: 2_000_000, to: 3_500_000, pointsHundredths: 300 },
      ],
    },
    flag('singleParent', 800), flag('disability', 550), flag('bothWorking', 400), flag('oneWorking', 200),
    flag('excludedLastYear', 25), flag('socialServiceReferral', 1000),
    count('siblings', 150, 300), count('childrenUnder14', 50, 200), count('nightShiftsPerMonth', 5, 100),
  ],
  tieBreakers: [
    { key: 'iseeLower', kind: 'lowerNumber', answer: 'isee', label: { it: 'ISEE più basso', en: 'Lower ISEE' } },
    { key: 'disabilityFirst', kind: 'flag', answer: 'disability', label: label('Disabilità nel nucleo') },
    { key: 'moreChildren', kind: 'higherNumber', answer: 'childrenUnder14', label: label('Più figli minori') },
  ],
});

function generate(n: number, seed: number) {
  const random = prng(seed);
  const chance = (p: number) => random() < p;
  const applications: Application[] = [];
  const preferences = new Map<string, Preference>();
  for (let i = 0; i < n; i += 1) {
    const id = `app${i}`;
    applications.push({
      id,
      // Gap-free per year; the call runs across the new year.
      protocol: i < n / 2 ? { year: 2026, number: i + 1 } : { year: 2027, number: i + 1 - Math.ceil(n / 2) },
      submittedAt: '2027-01-15T09:00:00+01:00',
      answers: {
        // ISEE in cents, rounded to € 10 so equal ISEEs (and so deeper tie-breaks) happen.
        isee: chance(0.05) ? null : Math.floor(random() * 4_000) * 1_000,
        singleParent: chance(0.15), disability: chance(0.04), bothWorking: chance(0.6), oneWorking: chance(0.3),
        excludedLastYear: chance(0.2), socialServiceReferral: chance(0.02),
        siblings: Math.floor(random() * 3), childrenUnder14: Math.floor(random() * 4), nightShiftsPerMonth: chance(0.1) ? Math.floor(random() * 20) : 0,
      },
      exclusion: chance(0.01) ? { code: 'notAdmissible', reason: label('Non ammissibile') } : null,
    });
    // 1 to 5 sites, popular sites more often (squared uniform skews towards the first ones).
    const wanted = new Set<string>();
    const k = 1 + Math.floor(random() * 5);
    while (wanted.size < k) wanted.add(SITES[Math.floor(random() * random() * SITES.length)]!);
    preferences.set(id, { group: GROUPS[Math.floor(random() * GROUPS.length)]!, sites: [...wanted] });
  }
  // Places for about a third of the applicants, spread evenly over the 60 site × group slots.
  const places = Math.ceil(n / 3 / (SITES.length * GROUPS.length));
  const capacity: Capacity[] = SITES.flatMap((site) => GROUPS.map((group) => ({ site, group, places })));
  return { applications, preferences, capacity };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

function measure(n: number) {
  const { applications, preferences, capacity } = generate(n, 14_000 + n);
  const runs: { rankMs: number; assignMs: number; totalMs: number; cpuMs: number }[] = [];
  let summary = { ranked: 0, excluded: 0, assigned: 0, decidedByTieBreaker: {} as Record<string, number> };
  let lastState: ReturnType<typeof assignPlaces> | null = null;
  for (let run = 0; run < RUNS; run += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const ranking = rankApplications(rules, applications);
    const ranked = performance.now();
    const state = assignPlaces(ranking.entries.map((e) => e.application.id), capacity, preferences);
    const done = performance.now();
    const used = process.cpuUsage(cpu);
    // CPU time of the process beside the wall time: on a shared machine the wall time includes waiting for a core.
    runs.push({ rankMs: round(ranked - started), assignMs: round(done - ranked), totalMs: round(done - started), cpuMs: round((used.user + used.system) / 1000) });
    const decided: Record<string, number> = {};
    for (const entry of ranking.entries) if (entry.tieBreak !== null) decided[entry.tieBreak.key] = (decided[entry.tieBreak.key] ?? 0) + 1;
    summary = { ranked: ranking.entries.length, excluded: ranking.excluded.length, assigned: state.held.filter((h) => h >= 0).length, decidedByTieBreaker: decided };
    lastState = state;
  }
  // One scorrimento: the best-ranked holder renounces and leaves; the cascade that follows.
  const first = lastState!.ids.find((_, i) => lastState!.held[i]! >= 0)!;
  const releaseStarted = performance.now();
  const { moves } = reassignAfterRelease(lastState!, [{ kind: 'renounce', applicantId: first, stayForBetter: false }]);
  const releaseMs = round(performance.now() - releaseStarted);
  return {
    applications: n,
    ...summary,
    medianMs: { rank: median(runs.map((r) => r.rankMs)), assign: median(runs.map((r) => r.assignMs)), total: median(runs.map((r) => r.totalMs)), cpu: median(runs.map((r) => r.cpuMs)) },
    runs,
    oneRenunciation: { ms: releaseMs, moves: moves.length },
  };
}

const results = SIZES.map((n) => {
  const result = measure(n);
  console.log(`${n.toLocaleString('en')} applications: rank + assign ${result.medianMs.total} ms (rank ${result.medianMs.rank}, assign ${result.medianMs.assign}; CPU ${result.medianMs.cpu}); one renunciation ${result.oneRenunciation.ms} ms, ${result.oneRenunciation.moves} moves`);
  return result;
});
const small = results.find((r) => r.applications === 100_000);
const large = results.find((r) => r.applications === 1_000_000);
const scenario = {
  date: clock.now().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  criteria: rules.criteria.length,
  sites: SITES.length,
  groups: GROUPS.length,
  runsPerSize: RUNS,
  sizes: results,
  targets: { hundredThousandMs: 2000, millionOverHundredThousand: 12 },
  ...(small && large
    ? {
        millionOverHundredThousand: Math.round((large.medianMs.total / small.medianMs.total) * 100) / 100,
        millionOverHundredThousandCpu: Math.round((large.medianMs.cpu / small.medianMs.cpu) * 100) / 100,
      }
    : {}),
  loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
};

const config = loadBenchConfig();
const previous: { scenarios?: Record<string, unknown> } = fs.existsSync(config.resultsFile)
  ? (JSON.parse(fs.readFileSync(config.resultsFile, 'utf8')) as { scenarios?: Record<string, unknown> })
  : {};
fs.mkdirSync(path.dirname(config.resultsFile), { recursive: true });
fs.writeFileSync(config.resultsFile, `${JSON.stringify({ ...previous, scenarios: { ...previous.scenarios, rankingEngine: scenario } }, null, 2)}\n`);
console.log(JSON.stringify({ millionOverHundredThousand: scenario.millionOverHundredThousand, cpu: scenario.millionOverHundredThousandCpu, loadAverage: scenario.loadAverage }));
