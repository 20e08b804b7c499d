import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_MONTH, proposalSeedSql } from '../../../bench/contributions.ts';
import { login, startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const COUNT = Number(process.env.TRAMA_CONTRIBUTIONS_SCALE ?? 3000);

describe('approving many contributions at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it(`one team meeting approves ${String(COUNT)} proposals and builds the payment lists with set-based statements`, async () => {
    for (const statement of proposalSeedSql(COUNT, 50)) await sql.raw(statement).execute(t.database.db);
    const proposals = await t.database.db.selectFrom('contribution').select(['id', 'amount_cents']).where('first_month', '=', BENCH_MONTH).where('status', '=', 'proposed').execute();
    expect(proposals.length).toBe(COUNT);
    const colleague = await login(t.app, 'assistente2');
    const started = performance.now();
    const reply = await colleague.json<{ approved: number; paymentLines: number }>('POST', '/api/team-meetings', {
      heldOn: '2029-12-15',
      decisions: proposals.map((p) => ({ contributionId: p.id, decision: 'approve' })),
    });
    const elapsed = performance.now() - started;
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ approved: COUNT, paymentLines: COUNT });
    process.stderr.write(`[contributions] ${String(COUNT)} approvals in ${String(Math.round(elapsed))} ms\n`);
    const total = await t.database.db
      .selectFrom('payment_line as l')
      .innerJoin('payment_list as pl', 'pl.id', 'l.list_id')
      .select(sql<string>`sum(l.amount_cents)::bigint`.as('cents'))
      .where('pl.month', '=', BENCH_MONTH)
      .executeTakeFirstOrThrow();
    expect(Number(total.cents)).toBe(proposals.reduce((sum, p) => sum + p.amount_cents, 0));
    expect(elapsed).toBeLessThan(5000 * (COUNT / 3000));
  });
});
