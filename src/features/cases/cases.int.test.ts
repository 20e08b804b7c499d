import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import type { CaseDetail } from './cases.schemas.ts';
import { aCase, aReferral, caseLogCount, CASTEL_MAGGIORE, userIdsByName } from './cases-test-kit.ts';
import { dayInRome } from '../../platform/time/rome.ts';

interface ErrorReply {
  message: string;
  messageEn: string;
  data?: { current?: CaseDetail; allowed?: string[] };
  details?: { path: string }[];
}

describe('case record: opening, status machine, transfers, conflicts', () => {
  let t: TestApp;
  let desk: Client;
  let manager: Client;
  let worker: Client;
  let worker2: Client;
  let persons: string[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    desk = await login(t.app, 'sportello');
    manager = await login(t.app, 'responsabile');
    worker = await login(t.app, 'assistente');
    worker2 = await login(t.app, 'assistente2');
    persons = await personsIn(t, CASTEL_MAGGIORE, 6);
    ids = await userIdsByName(t, ['assistente', 'assistente2', 'responsabile']);
  });
  afterAll(() => t.close());

  it('the manager opens a case from a referral: the item is taken in charge, its persons join the case', async () => {
    const item = await aReferral(t, desk, [persons[0]!, persons[1]!]);
    const opened = await manager.json<CaseDetail>('POST', `/api/intake/${item.id}/open-case`, { ownerId: ids.assistente, version: item.version });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const detail = opened.body;
    expect(detail.reference).toMatch(/^\d{4}\/\d{6}$/);
    expect(detail.status).toBe('open');
    expect(detail.owner.id).toBe(ids.assistente);
    expect(detail.team?.name).toBe('Équipe adulti e anziani');
    expect(detail.intakeItemId).toBe(item.id);
    expect(detail.needAreaCodes).toEqual(['ELD']);
    expect(detail.persons.map((p) => [p.personId, p.role])).toEqual(
      expect.arrayContaining([
        [persons[0], 'beneficiary'],
        [persons[1], 'other'],
      ]),
    );
    const after = await t.database.db.selectFrom('intake_item').select(['status', 'version']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'taken_in_charge', version: item.version + 1 });
    expect(await caseLogCount(t, detail.id, 'create')).toBe(2);

    const again = await manager.json<ErrorReply>('POST', `/api/intake/${item.id}/open-case`, { version: item.version + 1 });
    expect(again.status).toBe(409);
  });

  it('a stale intake version opens nothing', async () => {
    const item = await aReferral(t, desk, [persons[2]!]);
    const stale = await worker.json<ErrorReply>('POST', `/api/intake/${item.id}/open-case`, { version: item.version + 5 });
    expect(stale.status).toBe(412);
    const count = await t.database.db.selectFrom('case_record').select((eb) => eb.fn.countAll<number>().as('n')).where('intake_item_id', '=', item.id).executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('a social worker opens a case directly: owner and team by default, unique reference numbers', async () => {
    const first = await aCase(worker, [persons[3]!, persons[4]!]);
    const second = await aCase(worker, [persons[5]!]);
    expect(first.owner.id).toBe(ids.assistente);
    expect(first.team?.name).toBe('Équipe adulti e anziani');
    expect(first.reference).not.toBe(second.reference);
    expect(first.statusHistory).toHaveLength(1);
    const noBeneficiary = await worker.json<ErrorReply>('POST', '/api/cases', { persons: [{ personId: persons[3], role: 'other' }] });
    expect(noBeneficiary.status).toBe(400);
    const badOwner = await manager.json<ErrorReply>('POST', '/api/cases', { persons: [{ personId: persons[3], role: 'beneficiary' }], ownerId: ids.responsabile });
    expect(badOwner.status).toBe(400);
    expect(badOwner.body.details?.[0]?.path).toBe('ownerId');
  });

  it('enforces the status machine with reasons; closing needs reason and outcome; a closed case reopens', async () => {
    let c = await aCase(worker, [persons[0]!]);
    const skip = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, { to: 'in_charge', reason: 'Salto la valutazione', version: c.version });
    expect(skip.status).toBe(409);
    expect(skip.body.message).toContain('in valutazione');
    expect(skip.body.messageEn).toContain('assessing');
    const noReason = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, { to: 'assessing', reason: '', version: c.version });
    expect(noReason.status).toBe(400);
    for (const to of ['assessing', 'in_charge', 'suspended', 'in_charge']) {
      const moved = await worker.json<CaseDetail>('POST', `/api/cases/${c.id}/status`, { to, reason: `Verso ${to}`, version: c.version });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      c = moved.body;
    }
    const noOutcome = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, { to: 'closed', reason: 'Obiettivi raggiunti', closureReason: 'goals_achieved', version: c.version });
    expect(noOutcome.status).toBe(400);
    const closing = { to: 'closed', reason: 'Obiettivi raggiunti', closureReason: 'goals_achieved', closureOutcome: 'Autonomia recuperata', version: c.version };
    // No plan was ever agreed: there are no objectives to report on.
    const noPlan = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, { ...closing, objectiveOutcomes: [{ objectiveId: 'obj-1', outcome: 'achieved', note: null }] });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.details?.map((d) => d.path)).toEqual(['objectiveOutcomes']);
    const closed = await worker.json<CaseDetail>('POST', `/api/cases/${c.id}/status`, closing);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closureReason: 'goals_achieved', allowedTransitions: ['open'] });
    expect(closed.body.objectiveOutcomes).toBeNull();
    const suspend = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/status`, { to: 'suspended', reason: 'x'.repeat(5), version: closed.body.version });
    expect(suspend.status).toBe(409);
    expect(suspend.body.data?.allowed).toEqual(['open']);
    const reopened = await worker.json<CaseDetail>('POST', `/api/cases/${c.id}/status`, { to: 'open', reason: 'Nuova richiesta', version: closed.body.version });
    expect(reopened.status).toBe(200);
    expect(reopened.body.closedAt).toBeNull();
    expect(reopened.body.statusHistory.map((s) => s.to)).toEqual(['open', 'assessing', 'in_charge', 'suspended', 'in_charge', 'closed', 'open']);
  });

  it('two people saving the same case: the second gets 412 with the current case', async () => {
    const c = await aCase(worker, [persons[1]!]);
    const first = await worker.json<CaseDetail>('PATCH', `/api/cases/${c.id}`, { nextReviewOn: '2027-01-15', version: c.version });
    expect(first.status).toBe(200);
    const second = await worker2.json<ErrorReply>('PATCH', `/api/cases/${c.id}`, { nextReviewOn: '2027-02-01', version: c.version });
    expect(second.status).toBe(412);
    expect(second.body.data?.current?.nextReviewOn).toBe('2027-01-15');
    expect(second.body.data?.current?.version).toBe(c.version + 1);
  });

  it('the owner transfers to a colleague, with history; a team member who is not owner cannot', async () => {
    const c = await aCase(worker, [persons[2]!]);
    const byMember = await worker2.json<ErrorReply>('POST', `/api/cases/${c.id}/transfer`, { ownerId: ids.assistente2, reason: 'Me lo prendo io', version: c.version });
    expect(byMember.status).toBe(403);
    const moved = await worker.json<CaseDetail>('POST', `/api/cases/${c.id}/transfer`, { ownerId: ids.assistente2, reason: 'Carico di lavoro', version: c.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.owner.id).toBe(ids.assistente2);
    expect(moved.body.transfers).toHaveLength(1);
    expect(moved.body.transfers[0]).toMatchObject({ fromOwner: { id: ids.assistente }, toOwner: { id: ids.assistente2 }, reason: 'Carico di lavoro' });
    const byManager = await manager.json<CaseDetail>('POST', `/api/cases/${c.id}/transfer`, { ownerId: ids.assistente, reason: 'Rientro', version: moved.body.version });
    expect(byManager.status).toBe(200);
    expect(byManager.body.transfers).toHaveLength(2);
  });

  it('adds and removes persons, keeping at least one beneficiary', async () => {
    const c = await aCase(worker, [persons[3]!]);
    const added = await worker.json<CaseDetail>('POST', `/api/cases/${c.id}/persons`, { personId: persons[4], role: 'household_member', version: c.version });
    expect(added.status).toBe(200);
    expect(added.body.persons).toHaveLength(2);
    const twice = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/persons`, { personId: persons[4], role: 'other', version: added.body.version });
    expect(twice.status).toBe(409);
    const lastBeneficiary = await worker.json<ErrorReply>('POST', `/api/cases/${c.id}/persons/${persons[3]}/remove`, { version: added.body.version });
    expect(lastBeneficiary.status).toBe(409);
    const removed = await worker.json<CaseDetail>('POST', `/api/cases/${c.id}/persons/${persons[4]}/remove`, { version: added.body.version });
    expect(removed.status).toBe(200);
    expect(removed.body.persons.map((p) => p.personId)).toEqual([persons[3]]);
    const logged = await t.database.db.selectFrom('access_log').select('id').where('person_id', '=', persons[4]!).where('record_id', '=', c.id).where('action', '=', 'update').execute();
    expect(logged.length).toBeGreaterThanOrEqual(2);
  });

  it('lists my cases, my team’s and the territory’s, with overdue reviews', async () => {
    const c = await aCase(worker2, [persons[5]!], { nextReviewOn: '2020-01-01' });
    const mine = await worker2.json<{ id: string; access: string; reviewOverdue?: boolean }[]>('GET', '/api/cases?scope=mine');
    expect(mine.body.find((row) => row.id === c.id)).toMatchObject({ access: 'full', reviewOverdue: true });
    const team = await worker.json<{ id: string; access: string }[]>('GET', '/api/cases?scope=team&reviewDue=true');
    expect(team.body.find((row) => row.id === c.id)?.access).toBe('full');
    const territory = await manager.json<{ id: string; access: string }[]>('GET', `/api/cases?scope=territory&q=${encodeURIComponent(c.reference)}`);
    expect(territory.body.map((row) => [row.id, row.access])).toEqual([[c.id, 'full']]);
  });

  it('the demo has cases of the team from the referrals, statuses spread, some past their review', async () => {
    const rows = await t.database.db.selectFrom('case_record').select(['status', 'next_review_on', 'intake_item_id']).where('intake_item_id', 'is not', null).execute();
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((row) => row.status)).size).toBeGreaterThan(2);
    const today = dayInRome();
    expect(rows.some((row) => row.next_review_on !== null && row.next_review_on < today)).toBe(true);
  });

  it('offers as owners the social workers of the case territory, with their teams', async () => {
    const c = await aCase(worker, [persons[0]!]);
    const owners = await manager.json<{ id: string; teams: { name: string }[] }[]>('GET', `/api/cases/${c.id}/eligible-owners`);
    expect(owners.status).toBe(200);
    expect(owners.body.map((o) => o.id)).toEqual(expect.arrayContaining([ids.assistente, ids.assistente2]));
    expect(owners.body.map((o) => o.id)).not.toContain(ids.responsabile);
    expect(owners.body.find((o) => o.id === ids.assistente)?.teams.map((team) => team.name)).toEqual(['Équipe adulti e anziani']);
    const byTerritory = await worker.json<{ id: string }[]>('GET', `/api/cases/eligible-owners?municipalityCode=${CASTEL_MAGGIORE}`);
    expect(byTerritory.body.map((o) => o.id)).toContain(ids.assistente);
    expect((await desk.request('GET', `/api/cases/eligible-owners?municipalityCode=${CASTEL_MAGGIORE}`)).statusCode).toBe(403);
  });
});
