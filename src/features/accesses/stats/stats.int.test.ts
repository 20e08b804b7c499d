import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { anAccess, BOLOGNA, userWith } from '../access-test-kit.ts';
import type { AccessStats, Breakdown } from './stats.schemas.ts';
import { clock } from '../../../platform/time/clock.ts';
import { dayInRome } from '../../../platform/time/rome.ts';

const figures = (b: Breakdown) => [b.total, ...Object.values(b.channel), ...Object.values(b.needArea), ...Object.values(b.outcome)];

describe('official aggregates of accesses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the official sees counts by channel, area and outcome per municipality and month, none under five, no personal data', async () => {
    const official = await login(t.app, 'assessore');
    const stats = await official.json<AccessStats>('GET', '/api/accesses/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.months).toHaveLength(12);
    expect(stats.body.municipalities).toHaveLength(8);
    expect(stats.body.overall.total).toBeGreaterThan(300);
    const all = [stats.body.overall, ...stats.body.municipalities.flatMap((m) => [m.period, ...m.months])];
    for (const figure of all.flatMap(figures)) expect(figure === null || figure >= 5).toBe(true);
    // Only counts and codes: no person, no request text, no user.
    const text = JSON.stringify(stats.body);
    const sample = await t.database.db.selectFrom('person').innerJoin('access_person', 'access_person.person_id', 'person.id').select(['family_name', 'fiscal_code']).limit(20).execute();
    for (const person of sample) {
      expect(text).not.toContain(person.family_name);
      if (person.fiscal_code) expect(text).not.toContain(person.fiscal_code);
    }
    expect(text).not.toMatch(/personId|familyName|request|recorded|userId|description/i);
    // The manager sees the same aggregates; the desk does not.
    expect((await (await login(t.app, 'responsabile')).request('GET', '/api/accesses/stats')).statusCode).toBe(200);
    expect((await (await login(t.app, 'sportello')).request('GET', '/api/accesses/stats')).statusCode).toBe(403);
    expect((await (await login(t.app, 'assistente')).request('GET', '/api/accesses/stats')).statusCode).toBe(403);
  });

  it('hides counts under five and any figure from which a hidden one could be worked out', async () => {
    const desk = await userWith(t, 'front_desk', 'municipality', BOLOGNA);
    const official = await userWith(t, 'official', 'municipality', BOLOGNA);
    const month = dayInRome().slice(0, 7);
    const record = async (n: number, channel: string) => {
      for (let i = 0; i < n; i++) {
        const response = await desk.request('POST', '/api/accesses', anAccess({ municipalityCode: BOLOGNA, channel, anonymousDescription: 'Primo contatto', occurredAt: new Date(clock.nowMs() - 60_000).toISOString() }));
        expect(response.statusCode).toBe(200);
      }
    };
    const read = async () => {
      const stats = await official.json<AccessStats>('GET', `/api/accesses/stats?from=${month}&to=${month}`);
      expect(stats.status).toBe(200);
      return stats.body;
    };
    await record(3, 'phone');
    let stats = await read();
    expect(stats.municipalities.map((m) => m.municipalityName)).toEqual(['Bologna']);
    expect(stats.overall.total).toBeNull();
    expect(JSON.stringify(stats)).not.toMatch(/:3[,}]/);

    await record(3, 'in_person');
    stats = await read();
    // 6 in all: the total shows, phone (3) and in person (3) are hidden, so neither can be derived.
    expect(stats.overall.total).toBe(6);
    expect(stats.overall.channel.phone).toBeNull();
    expect(stats.overall.channel.in_person).toBeNull();
    expect(stats.overall.needArea.ELD).toBe(6);
    expect(stats.overall.outcome.information).toBe(6);

    await record(4, 'email');
    stats = await read();
    const channel = stats.overall.channel;
    // 10 = 3 phone + 3 in person + 4 e-mail: all under five, all hidden, the total shows.
    expect(stats.overall.total).toBe(10);
    expect([channel.phone, channel.in_person, channel.email]).toEqual([null, null, null]);

    await record(4, 'phone');
    stats = await read();
    // 14 = 7 phone + 3 in person + 4 e-mail: phone shows, the two small ones stay hidden together.
    expect(stats.overall.channel.phone).toBe(7);
    expect([stats.overall.channel.in_person, stats.overall.channel.email]).toEqual([null, null]);
    for (const breakdown of [stats.overall, ...stats.municipalities.flatMap((m) => [m.period, ...m.months])]) {
      for (const dimension of ['channel', 'needArea', 'outcome'] as const) {
        const hidden = [breakdown.total, ...Object.values(breakdown[dimension])].filter((v) => v === null).length;
        expect(hidden).not.toBe(1);
      }
    }
  });

  it('refuses a wrong period or a municipality outside the official’s territories', async () => {
    const official = await login(t.app, 'assessore');
    expect((await official.request('GET', '/api/accesses/stats?from=2026-05&to=2026-01')).statusCode).toBe(400);
    expect((await official.request('GET', '/api/accesses/stats?from=2020-01&to=2026-01')).statusCode).toBe(400);
    expect((await official.request('GET', '/api/accesses/stats?from=2026-13')).statusCode).toBe(400);
    expect((await official.request('GET', `/api/accesses/stats?municipalityCode=${BOLOGNA}`)).statusCode).toBe(403);
  });
});
