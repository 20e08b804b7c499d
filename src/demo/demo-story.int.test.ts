import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openFreshDatabase } from '../../test/support/test-database.ts';
import { clock } from '../platform/time/clock.ts';
import { DEMO_STAGES, type DemoStage } from './demo-story.ts';
import { seedDemo } from './seed-demo.ts';

/** The awkward days the suite also runs on in CI (see .ci/run), each seeded here in one run. */
const DAYS = [
  ['the last day of a leap February, 20 minutes after midnight (still the 28th in UTC)', '2028-02-29T00:20:00+01:00'],
  ['31 December, a Sunday', '2028-12-31T18:00:00+01:00'],
  ['the night clocks go back in Italy, in the repeated hour', '2027-10-31T02:30:00+01:00'],
  ['the night clocks go forward in Italy, just after the jump', '2027-03-28T03:05:00+02:00'],
] as const;

const STAGES = Object.keys(DEMO_STAGES) as DemoStage[];

/** What a demo user sees of the story: every stage, and each worker's cases with their status, in order. */
async function storyOn(at: Date) {
  const database = await openFreshDatabase(clock.offsetTo(at));
  try {
    await seedDemo(database.db, { persons: 120, now: at });
    const stages = Object.fromEntries(await Promise.all(STAGES.map(async (stage) => [stage, (await DEMO_STAGES[stage](database.db)) !== undefined] as const)));
    const { rows } = await sql<{ owner: string; statuses: string }>`
      SELECT u.username AS owner, string_agg(c.status, ' ' ORDER BY c.reference) AS statuses
      FROM case_record c JOIN app_user u ON u.id = c.owner_id GROUP BY u.username ORDER BY u.username`.execute(database.db);
    return { stages, cases: rows };
  } finally {
    await database.close();
  }
}

describe('the demo tells the same story on any date', () => {
  let today: Awaited<ReturnType<typeof storyOn>>;
  beforeAll(async () => {
    today = await storyOn(clock.now());
  });

  it('today, every stage of the story is there', () => {
    expect(today.stages).toEqual(Object.fromEntries(STAGES.map((stage) => [stage, true])));
  });

  it.each(DAYS)('on %s: every stage, and the same cases in the same states as today', { timeout: 120_000 }, async (_label, instant) => {
    expect(await storyOn(new Date(instant))).toEqual(today);
  });
});
