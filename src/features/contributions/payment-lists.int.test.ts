import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import { CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { Contribution, PaymentListDetail } from './contributions.schemas.ts';
import { aCaseWithPlan, approveAll, aProposal, listOf, moveList, propose, type ErrorReply } from './contributions-test-kit.ts';

describe('payment lists: clerk checks, closes, exports; closed lists never change', () => {
  let t: TestApp;
  let worker: Client;
  let worker2: Client;
  let clerk: Client;
  let clerkId: string;
  let persons: string[];
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    worker2 = await login(t.app, 'assistente2');
    clerk = await login(t.app, 'amministrativo');
    clerkId = (await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'amministrativo').executeTakeFirstOrThrow()).id;
    persons = await personsIn(t, CASTEL_MAGGIORE, 4);
    caseId = (await aCaseWithPlan(t, worker, persons)).caseId;
  });
  afterAll(() => t.close());

  const logRows = (listId: string, action: string) =>
    t.database.db
      .selectFrom('access_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('record_type', '=', 'payment_list')
      .where('record_id', '=', listId)
      .where('action', '=', action)
      .where('user_id', '=', clerkId)
      .executeTakeFirstOrThrow();

  it('totals per funding line are right to the cent: 0.10 € × 3 and thirds of € 100', async () => {
    const [a, b, c] = persons as [string, string, string];
    const small = [];
    for (let i = 0; i < 3; i++) small.push(await propose(worker, caseId, aProposal(a, { kind: 'one_off', amountCents: 10, firstMonth: '2034-01', fundingLine: 'region', paymentMethod: 'cash', iban: null })));
    // € 100 split in three: 33.33 + 33.33 + 33.34.
    const thirds = [];
    for (const [person, cents] of [[a, 3333], [b, 3333], [c, 3334]] as const) thirds.push(await propose(worker, caseId, aProposal(person, { kind: 'one_off', amountCents: cents, firstMonth: '2034-01' })));
    await approveAll(worker2, [...small, ...thirds].map((k) => k.id));
    const list = await listOf(clerk, CASTEL_MAGGIORE, '2034-01');
    expect(0.1 + 0.1 + 0.1).not.toBe(0.3);
    expect(list.totals).toEqual([
      { fundingLine: 'poverty_fund', cents: 10000, lines: 3 },
      { fundingLine: 'region', cents: 30, lines: 3 },
    ]);
    expect(list.totalCents).toBe(10030);
    expect(list.rows[0]).toMatchObject({ fiscalCode: expect.any(String), personName: expect.any(String) });
    expect(list.rows.some((r) => r.iban === 'IT60X0542811101000000123456')).toBe(true);

    const csv = await clerk.request('GET', `/api/payment-lists/${list.id}/csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFCognome e nome;Codice fiscale;')).toBe(true);
    expect(csv.body).toContain('Totale Fondo povertà;;;;;;"100,00"');
    expect(csv.body).toContain('Totale Regione;;;;;;"0,30"');
    expect(csv.body).toContain('Totale;;;;;;"100,30"');
    const pdf = await clerk.request('GET', `/api/payment-lists/${list.id}/pdf`);
    expect(pdf.headers['content-type']).toContain('pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('€ 100,30');
    expect(text).toContain('€ 0,30');
    expect((await logRows(list.id, 'read')).n).toBe(3);
    expect((await logRows(list.id, 'export')).n).toBe(3);
    expect((await logRows(list.id, 'print')).n).toBe(3);
  });

  it('the CSV is guarded against formula injection', async () => {
    const [a] = persons as [string];
    await t.database.db.updateTable('person').set({ family_name: '=HYPERLINK("http://x")' }).where('id', '=', a).execute();
    const k = await propose(worker, caseId, aProposal(a, { kind: 'one_off', amountCents: 500, firstMonth: '2034-02' }));
    await approveAll(worker2, [k.id]);
    const list = await listOf(clerk, CASTEL_MAGGIORE, '2034-02');
    const csv = await clerk.request('GET', `/api/payment-lists/${list.id}/csv`);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")`);
    expect(csv.body).not.toMatch(/(^|;)=HYPERLINK/m);
  });

  it('open → checked → closed; a closed list refuses changes in the API and in the database', async () => {
    const [, b] = persons as [string, string];
    const k = await propose(worker, caseId, aProposal(b, { kind: 'monthly', months: 2, amountCents: 20000, firstMonth: '2035-01' }));
    await approveAll(worker2, [k.id]);
    let list = await listOf(clerk, CASTEL_MAGGIORE, '2035-01');
    expect(list.allowedTransitions).toEqual(['checked']);
    const skip = await clerk.json<ErrorReply>('POST', `/api/payment-lists/${list.id}/transition`, { to: 'closed', version: list.version });
    expect(skip.status).toBe(409);
    list = await moveList(clerk, list, 'checked');
    const stale = await clerk.request('POST', `/api/payment-lists/${list.id}/transition`, { to: 'closed', version: list.version - 1 });
    expect(stale.statusCode).toBe(412);
    list = await moveList(clerk, list, 'closed');
    expect(list).toMatchObject({ status: 'closed', allowedTransitions: [], closedBy: { id: clerkId } });
    const reopen = await clerk.json<ErrorReply>('POST', `/api/payment-lists/${list.id}/transition`, { to: 'open', version: list.version });
    expect(reopen.status).toBe(409);
    expect(reopen.body.message).toContain('chiusa');

    const db = t.database.db;
    await expect(db.updateTable('payment_line').set({ amount_cents: 1 }).where('list_id', '=', list.id).execute()).rejects.toThrow(/closed/);
    await expect(db.deleteFrom('payment_line').where('list_id', '=', list.id).execute()).rejects.toThrow(/closed/);
    await expect(db.updateTable('payment_list').set({ status: 'open' }).where('id', '=', list.id).execute()).rejects.toThrow(/closed/);
    const line = list.rows[0];
    await expect(
      sql`INSERT INTO payment_line (list_id, contribution_id, person_id, due_month, amount_cents, funding_line, created_by) VALUES (${list.id}, ${k.id}, ${b}, '2035-01-01', 5, 'region', ${clerkId})`.execute(db),
    ).rejects.toThrow(/closed/);

    // A wrong amount: the difference goes into the next open list as a correcting line.
    const correction = await clerk.json<{ listId: string; month: string; amountCents: number }>('POST', `/api/payment-lists/${list.id}/lines/${line?.id ?? ''}/correction`, {
      correctAmountCents: 18000,
      note: 'Importo ridotto dalla determina n. 12',
    });
    expect(correction.status, JSON.stringify(correction.body)).toBe(200);
    expect(correction.body).toMatchObject({ month: '2035-02', amountCents: -2000 });
    const february = await listOf(clerk, CASTEL_MAGGIORE, '2035-02');
    expect(february.rows.map((r) => [r.kind, r.amountCents]).sort()).toEqual([['correction', -2000], ['payment', 20000]]);
    expect(february.totalCents).toBe(18000);

    // Revoking after closure: February's open lines (payment and correction) are removed; the € 200 paid in the
    // closed January list comes back as one negative line, so the contribution nets to zero.
    const current = (await worker.json<Contribution[]>('GET', `/api/cases/${caseId}/contributions`)).body.find((c) => c.id === k.id);
    const revoked = await worker.json<Contribution>('POST', `/api/cases/${caseId}/contributions/${k.id}/revoke`, { reason: 'Trovato lavoro', version: current?.version ?? 0 });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const after = await listOf(clerk, CASTEL_MAGGIORE, '2035-02');
    expect(after.rows.filter((r) => r.contributionId === k.id).map((r) => r.amountCents)).toEqual([-20000]);
    expect(after.totalCents).toBe(-20000);
    const closedAgain = await listOf(clerk, CASTEL_MAGGIORE, '2035-01');
    expect(closedAgain.rows.map((r) => r.amountCents)).toEqual([20000]);
  });

  it('an approval for a month whose list is closed goes into the next open list', async () => {
    const [, , c] = persons as [string, string, string];
    const opened = await clerk.json<{ id: string; version: number }>('POST', '/api/payment-lists', { municipalityCode: CASTEL_MAGGIORE, month: '2036-03' });
    let list = await listOf(clerk, CASTEL_MAGGIORE, '2036-03');
    expect(list.id).toBe(opened.body.id);
    list = await moveList(clerk, await moveList(clerk, list, 'checked'), 'closed');
    const k = await propose(worker, caseId, aProposal(c, { kind: 'one_off', amountCents: 777, firstMonth: '2036-03' }));
    await approveAll(worker2, [k.id]);
    const april = await listOf(clerk, CASTEL_MAGGIORE, '2036-04');
    expect(april.rows).toMatchObject([{ dueMonth: '2036-03', amountCents: 777 }]);
  });

  it('the clerk sees lists but no case content; providers and officials get nothing', async () => {
    const [list] = (await clerk.json<PaymentListDetail[]>('GET', '/api/payment-lists')).body;
    for (const url of [`/api/cases/${caseId}`, `/api/cases/${caseId}/diary`, `/api/cases/${caseId}/assessments`, `/api/cases/${caseId}/contributions`, `/api/cases/${caseId}/plan`]) {
      expect([403, 404], url).toContain((await clerk.request('GET', url)).statusCode);
    }
    for (const name of ['fornitore', 'assessore', 'sportello', 'assistente']) {
      const client = await login(t.app, name);
      for (const url of ['/api/payment-lists', `/api/payment-lists/${list?.id ?? ''}`, `/api/payment-lists/${list?.id ?? ''}/csv`, `/api/payment-lists/${list?.id ?? ''}/pdf`]) {
        expect((await client.request('GET', url)).statusCode, `${name} ${url}`).toBe(403);
      }
    }
    expect((await clerk.request('GET', '/api/contribution-ceilings')).statusCode).toBe(403);
  });
});
