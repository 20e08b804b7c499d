import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import { caseLogCount, CASTEL_MAGGIORE, userIdsByName } from '../cases/cases-test-kit.ts';
import type { Contribution, MeetingTeam, PendingContribution } from './contributions.schemas.ts';
import { aCaseWithPlan, approveAll, aProposal, listOf, propose, type ErrorReply } from './contributions-test-kit.ts';
import { dayInRome } from '../../platform/time/rome.ts';
import { demoStage } from '../../demo/demo-story.ts';

describe('contributions: proposal, team decision, yearly ceilings', () => {
  let t: TestApp;
  let worker: Client;
  let worker2: Client;
  let manager: Client;
  let clerk: Client;
  let persons: string[];
  let next = 0;
  const person = () => persons[next++] ?? '';

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    worker2 = await login(t.app, 'assistente2');
    manager = await login(t.app, 'responsabile');
    clerk = await login(t.app, 'amministrativo');
    persons = await personsIn(t, CASTEL_MAGGIORE, 12);
  });
  afterAll(() => t.close());

  it('proposes a monthly contribution linked to the plan and its pact; checks beneficiary, pact items and IBAN', async () => {
    const p = person();
    const { caseId, plan, commitmentKey } = await aCaseWithPlan(t, worker, [p]);
    const created = await propose(worker, caseId, aProposal(p, { commitmentKeys: [commitmentKey], iban: 'it60 x054 2811 1010 0000 0123 456' }));
    expect(created).toMatchObject({ planId: plan.id, planVersionNumber: 1, status: 'proposed', months: 3, totalCents: 45000, iban: 'IT60X0542811101000000123456', commitmentKeys: [commitmentKey] });
    // The pact commitment is named in the plan's words, so the team knows what the money is tied to.
    expect(created.commitments).toEqual([{ key: commitmentKey, commitment: plan.commitments[0]?.commitment }]);
    expect(await caseLogCount(t, caseId, 'create', { recordType: 'case_contribution' })).toBe(1);

    const badIban = await worker.json<ErrorReply>('POST', `/api/cases/${caseId}/contributions`, aProposal(p, { iban: 'IT61X0542811101000000123456' }));
    expect(badIban.status).toBe(400);
    expect(JSON.stringify(badIban.body)).toContain('IBAN non valido');
    const stranger = await worker.json<ErrorReply>('POST', `/api/cases/${caseId}/contributions`, aProposal(persons[11] ?? ''));
    expect(stranger.status).toBe(400);
    const badKey = await worker.json<ErrorReply>('POST', `/api/cases/${caseId}/contributions`, aProposal(p, { commitmentKeys: [caseId] }));
    expect(badKey.status).toBe(400);
    const cash = await propose(worker, caseId, aProposal(p, { kind: 'one_off', months: 4, paymentMethod: 'cash', iban: null }));
    expect(cash).toMatchObject({ months: 1, iban: null, totalCents: 15000 });

    const listed = await worker2.json<Contribution[]>('GET', `/api/cases/${caseId}/contributions`);
    expect(listed.body.map((c) => c.id).sort()).toEqual([created.id, cash.id].sort());
    expect(await caseLogCount(t, caseId, 'read', { recordType: 'case_contribution' })).toBe(1);
  });

  it('refuses self-approval, also to the manager; another team member approves in a recorded meeting', async () => {
    const p = person();
    const { caseId } = await aCaseWithPlan(t, worker, [p]);
    const own = await propose(worker, caseId, aProposal(p));
    const self = await worker.json<ErrorReply>('POST', '/api/team-meetings', { heldOn: '2026-11-20', decisions: [{ contributionId: own.id, decision: 'approve' }] });
    expect(self.status).toBe(409);
    expect(self.body.message).toContain('proposto da sé stessi');
    expect(self.body.messageEn).toContain('you proposed yourself');

    const byManager = await propose(manager, caseId, aProposal(p, { amountCents: 5000 }));
    const managerSelf = await manager.json<ErrorReply>('POST', '/api/team-meetings', { heldOn: '2026-11-20', decisions: [{ contributionId: byManager.id, decision: 'approve' }] });
    expect(managerSelf.status).toBe(409);

    const pending = await worker2.json<PendingContribution[]>('GET', '/api/contributions/pending');
    expect(pending.body.filter((c) => c.caseId === caseId).map((c) => c.isOwnProposal)).toEqual([false, false]);
    const meeting = await approveAll(worker2, [own.id, byManager.id]);
    expect(meeting).toMatchObject({ approved: 2, paymentLines: 6 });
    const listed = await worker.json<Contribution[]>('GET', `/api/cases/${caseId}/contributions`);
    expect(listed.body.every((c) => c.status === 'approved' && c.decision?.decidedBy.displayName.length)).toBe(true);
    const again = await worker2.json<ErrorReply>('POST', '/api/team-meetings', { heldOn: '2026-11-21', decisions: [{ contributionId: own.id, decision: 'reject' }] });
    expect(again.status).toBe(409);
    const meetingRow = await t.database.db.selectFrom('team_meeting').select(['other_participants', 'held_on', 'participant_ids']).where('id', '=', meeting.id).executeTakeFirstOrThrow();
    expect(meetingRow.other_participants).toContain('Bianchi');
    // Who recorded the meeting sat at it.
    const ids = await userIdsByName(t, ['assistente', 'assistente2']);
    expect(meetingRow.participant_ids).toContain(ids.assistente2);

    const list = await listOf(clerk, CASTEL_MAGGIORE, '2031-02');
    expect(list.rows.filter((r) => r.personId === p).map((r) => r.amountCents).sort((x, y) => x - y)).toEqual([5000, 15000]);
  });

  it('the plan PDF tells the person the standing contributions, with their pact; a rejected one is left out', async () => {
    const p = person();
    const { caseId, plan, commitmentKey } = await aCaseWithPlan(t, worker, [p]);
    const granted = await propose(worker, caseId, aProposal(p, { commitmentKeys: [commitmentKey], reason: 'Affitto arretrato' }));
    const refused = await propose(worker, caseId, aProposal(p, { kind: 'one_off', amountCents: 9999, reason: 'Vacanza estiva' }));
    await approveAll(worker2, [granted.id]);
    await approveAll(worker2, [refused.id], 'reject');

    const it = pdfText((await worker.request('GET', `/api/cases/${caseId}/plan/versions/1/pdf`)).rawPayload);
    expect(it).toContain('Contributi economici');
    expect(it).toContain('€ 150,00 al mese per 3 mesi dal 01/2031');
    expect(it).toContain(`Affitto arretrato. Legato agli impegni: ${plan.commitments[0]?.commitment ?? '?'}`);
    expect(it).toMatch(/approvato dall’équipe il \d{2}\/\d{2}\/\d{4}/u);
    expect(it).not.toContain('Vacanza estiva');
    const en = pdfText((await worker.request('GET', `/api/cases/${caseId}/plan/versions/1/pdf?lang=en`)).rawPayload);
    expect(en).toContain('Economic contributions');
    expect(en).toContain('€150.00 a month for 3 months from 01/2031');
  });

  it('the meeting names who sat at it from the recorder\'s teams; someone who is not a user is refused', async () => {
    const teams = await worker2.json<MeetingTeam[]>('GET', '/api/team-meetings/teams');
    expect(teams.status).toBe(200);
    const ids = await userIdsByName(t, ['assistente', 'assistente2']);
    const team = teams.body.find((x) => x.members.some((m) => m.id === ids.assistente));
    expect(team?.members.map((m) => m.id)).toContain(ids.assistente2);
    const p = person();
    const { caseId } = await aCaseWithPlan(t, worker, [p]);
    const proposal = await propose(worker, caseId, aProposal(p, { amountCents: 2000 }));
    const decisions = [{ contributionId: proposal.id, decision: 'approve' }];
    const stranger = await worker2.json<ErrorReply>('POST', '/api/team-meetings', { heldOn: '2026-11-20', teamId: team?.id, participantIds: [ids.assistente, caseId], decisions });
    expect(stranger.status).toBe(400);
    const held = await worker2.json<{ id: string }>('POST', '/api/team-meetings', { heldOn: '2026-11-20', teamId: team?.id, participantIds: [ids.assistente], decisions });
    expect(held.status).toBe(200);
    const row = await t.database.db.selectFrom('team_meeting').select(['team_id', 'participant_ids']).where('id', '=', held.body.id).executeTakeFirstOrThrow();
    expect(row.team_id).toBe(team?.id);
    expect([...row.participant_ids].sort()).toEqual([ids.assistente, ids.assistente2].sort());
    expect((await (await login(t.app, 'fornitore')).request('GET', '/api/team-meetings/teams')).statusCode).toBe(403);
  });

  it('providers, officials, clerks and the desk cannot propose or decide', async () => {
    const p = person();
    const { caseId } = await aCaseWithPlan(t, worker, [p]);
    const own = await propose(worker, caseId, aProposal(p));
    for (const name of ['fornitore', 'assessore', 'amministrativo', 'sportello']) {
      const client = await login(t.app, name);
      expect([403, 404]).toContain((await client.request('POST', `/api/cases/${caseId}/contributions`, aProposal(p))).statusCode);
      expect([403, 404]).toContain((await client.request('GET', `/api/cases/${caseId}/contributions`)).statusCode);
      expect((await client.request('POST', '/api/team-meetings', { heldOn: '2026-11-20', decisions: [{ contributionId: own.id, decision: 'approve' }] })).statusCode).toBe(403);
      expect((await client.request('GET', '/api/contributions/pending')).statusCode).toBe(403);
    }
  });

  it('a proposal over the yearly ceiling is refused with the amounts; the manager overrides with a reason, logged', async () => {
    const [p, q] = [person(), person()];
    const { caseId } = await aCaseWithPlan(t, worker, [p]);
    const ceilings = await manager.json<{ municipalityCode: string; version: number | null }[]>('GET', '/api/contribution-ceilings');
    const current = ceilings.body.find((c) => c.municipalityCode === CASTEL_MAGGIORE);
    expect((await worker.request('PUT', `/api/contribution-ceilings/${CASTEL_MAGGIORE}`, { personYearlyCents: 1, householdYearlyCents: null, version: null })).statusCode).toBe(403);
    const set = await manager.json<{ personYearlyCents: number }>('PUT', `/api/contribution-ceilings/${CASTEL_MAGGIORE}`, {
      personYearlyCents: 100000,
      householdYearlyCents: null,
      version: current?.version ?? null,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);

    await propose(worker, caseId, aProposal(p, { amountCents: 30000, months: 3, firstMonth: '2032-01' }));
    const over = await worker.json<ErrorReply>('POST', `/api/cases/${caseId}/contributions`, aProposal(p, { amountCents: 10001, months: 1, firstMonth: '2032-06' }));
    expect(over.status).toBe(409);
    expect(over.body.message).toContain('€ 1.000,00');
    expect(over.body.message).toContain('€ 900,00');
    expect(over.body.message).toContain('€ 1.000,01');
    // Across the year boundary only 2032 counts what is already there.
    await propose(worker, caseId, aProposal(p, { amountCents: 10000, months: 2, firstMonth: '2032-12' }));
    const workerOverride = await worker.json<ErrorReply>('POST', `/api/cases/${caseId}/contributions`, aProposal(p, { amountCents: 10001, firstMonth: '2032-06', months: 1, overrideReason: 'Sfratto imminente' }));
    expect(workerOverride.status).toBe(403);

    const before = await caseLogCount(t, caseId, 'update', { recordType: 'contribution_override' });
    const overridden = await propose(manager, caseId, aProposal(p, { amountCents: 10001, firstMonth: '2032-06', months: 1, overrideReason: 'Sfratto imminente: decisione del responsabile' }));
    expect(overridden.overrideReasons).toEqual(['Sfratto imminente: decisione del responsabile']);
    expect(await caseLogCount(t, caseId, 'update', { recordType: 'contribution_override' })).toBe(before + 1);
    const logged = await t.database.db.selectFrom('contribution_override').selectAll().where('contribution_id', '=', overridden.id).execute();
    expect(logged).toMatchObject([{ ceiling: 'person', year: 2032, total_cents: expect.anything() }]);
    expect(Number(logged[0]?.total_cents)).toBe(110001);
    expect(Number(logged[0]?.ceiling_cents)).toBe(100000);

    // Another person is not touched by p's total.
    const other = await aCaseWithPlan(t, worker, [q]);
    await propose(worker, other.caseId, aProposal(q, { amountCents: 100000, months: 1, firstMonth: '2032-06' }));
    await manager.request('PUT', `/api/contribution-ceilings/${CASTEL_MAGGIORE}`, { personYearlyCents: null, householdYearlyCents: null, version: (current?.version ?? 0) + 1 });
  });

  it('the household ceiling sums the members of the household', async () => {
    const household = await t.database.db
      .selectFrom('household_member')
      .select(['household_id', (eb) => eb.fn.agg<string[]>('array_agg', ['person_id']).as('members')])
      .where('valid_to', 'is', null)
      .where('municipality_code', '=', CASTEL_MAGGIORE)
      .groupBy('household_id')
      .having((eb) => eb.fn.countAll(), '>=', 2)
      .executeTakeFirst();
    expect(household, 'a demo household of two or more').toBeDefined();
    const [a, b] = household?.members ?? [];
    const { caseId } = await aCaseWithPlan(t, worker, [a ?? '', b ?? '']);
    const ceilings = await manager.json<{ municipalityCode: string; version: number | null }[]>('GET', '/api/contribution-ceilings');
    const version = ceilings.body.find((c) => c.municipalityCode === CASTEL_MAGGIORE)?.version ?? null;
    await manager.request('PUT', `/api/contribution-ceilings/${CASTEL_MAGGIORE}`, { personYearlyCents: null, householdYearlyCents: 50000, version });
    await propose(worker, caseId, aProposal(a ?? '', { amountCents: 30000, months: 1, firstMonth: '2033-03' }));
    const over = await worker.json<ErrorReply>('POST', `/api/cases/${caseId}/contributions`, aProposal(b ?? '', { amountCents: 20001, months: 1, firstMonth: '2033-05' }));
    expect(over.status).toBe(409);
    expect(over.body.message).toContain('nucleo');
    await manager.request('PUT', `/api/contribution-ceilings/${CASTEL_MAGGIORE}`, { personYearlyCents: null, householdYearlyCents: null, version: (version ?? 0) + 1 });
  });
});

describe('contributions demo', () => {
  it('has one contribution approved in a team meeting, one proposed, and an open payment list for this month', async () => {
    const t = await startTestApp();
    try {
      const rows = await t.database.db.selectFrom('contribution').select(['status', 'decision_id']).execute();
      expect(rows.filter((r) => r.status === 'approved' && r.decision_id).length).toBeGreaterThanOrEqual(1);
      expect(rows.some((r) => r.status === 'proposed')).toBe(true);
      const list = await t.database.db.selectFrom('payment_list').select(['month', 'status']).where('id', '=', await demoStage(t.database.db, 'openPaymentListThisMonth')).executeTakeFirstOrThrow();
      expect(list).toEqual({ month: `${dayInRome().slice(0, 7)}-01`, status: 'open' });
      const lines = await t.database.db.selectFrom('payment_line').select('amount_cents').where('list_id', '=', await demoStage(t.database.db, 'openPaymentListThisMonth')).execute();
      expect(lines.map((l) => l.amount_cents)).toEqual([25000]);
    } finally {
      await t.close();
    }
  });
});
