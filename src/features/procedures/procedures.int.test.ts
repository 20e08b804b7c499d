import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { BOLOGNA, personsIn, unionId, userWith } from '../accesses/access-test-kit.ts';
import { aCase, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import { computeDeadline, daysRemaining } from './deadline.ts';
import type { DeadlineRow, Procedure } from './procedures.schemas.ts';
import { today } from '../households/household-rules.ts';
import { dayInRome, shiftDate } from '../../platform/time/rome.ts';

interface ErrorReply {
  message: string;
  messageEn: string;
  data?: { current?: Procedure };
  details?: { path: string; message: string; messageEn: string }[];
}

describe('administrative procedures: deadlines, suspensions, decisions, overdue list', () => {
  let t: TestApp;
  let worker: Client;
  let manager: Client;
  let c: CaseDetail;
  let typeId: string;
  let legalDays: number;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    manager = await login(t.app, 'responsabile');
    c = await aCase(worker, await personsIn(t, CASTEL_MAGGIORE, 1));
    const type = await t.database.db.selectFrom('procedure_type').select(['id', 'legal_deadline_days']).where('is_active', '=', true).orderBy('code').executeTakeFirstOrThrow();
    typeId = type.id;
    legalDays = type.legal_deadline_days;
  });
  afterAll(() => t.close());

  const base = () => `/api/cases/${c.id}/procedures`;
  const start = async (startedOn: string, subject = 'Domanda di contributo economico') => {
    const reply = await worker.json<Procedure>('POST', base(), { procedureTypeId: typeId, subject, startedOn });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  const logCount = async (action: string) =>
    (await t.database.db.selectFrom('access_log').select((eb) => eb.fn.countAll<number>().as('n')).where('record_type', '=', 'case_procedure').where('record_id', '=', c.id).where('action', '=', action).executeTakeFirstOrThrow()).n;

  it('the deadline stored and listed equals the arithmetic of deadline.ts across month ends and leap years', async () => {
    for (const startedOn of ['2025-01-31', '2024-01-31', '2024-02-29', '2025-12-15']) {
      const p = await start(startedOn);
      const expected = computeDeadline({ startedOn, legalDays, suspensions: [] });
      expect(p.dueOn).toBe(expected.dueOn);
      const stored = await t.database.db.selectFrom('case_procedure').select('due_on').where('id', '=', p.id).executeTakeFirstOrThrow();
      expect(stored.due_on).toBe(expected.dueOn);
      expect(p.daysRemaining).toBe(daysRemaining(expected, today()));
      expect(p.state).toBe('overdue');
    }
    const overdue = await manager.json<DeadlineRow[]>('GET', '/api/procedures/overdue');
    const mine = overdue.body.filter((r) => r.caseId === c.id);
    expect(mine.length).toBeGreaterThanOrEqual(4);
    for (const row of mine) expect(row.dueOn).toBe(computeDeadline({ startedOn: row.startedOn, legalDays, suspensions: [] }).dueOn);
  });

  it('suspensions move the deadline, an open one pauses it; the decision closes the procedure; every step is versioned and logged', async () => {
    const p = await start('2024-01-20', 'Richiesta di assistenza domiciliare');
    const creates = await logCount('create');
    expect(creates).toBeGreaterThan(0);
    const suspended = await worker.json<Procedure>('POST', `${base()}/${p.id}/suspensions`, { reason: 'Richiesta ISEE aggiornato', startsOn: '2024-01-28', endsOn: '2024-02-05', version: p.version });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body.dueOn).toBe(computeDeadline({ startedOn: '2024-01-20', legalDays, suspensions: [{ startsOn: '2024-01-28', endsOn: '2024-02-05' }] }).dueOn);
    expect(suspended.body.suspensions[0]?.days).toBe(8);

    const stale = await worker.json<ErrorReply>('POST', `${base()}/${p.id}/suspensions`, { reason: 'Altro', startsOn: '2024-02-10', version: p.version });
    expect(stale.status).toBe(412);
    expect(stale.body.data?.current?.version).toBe(suspended.body.version);

    const open = await worker.json<Procedure>('POST', `${base()}/${p.id}/suspensions`, { reason: 'Parere della ASL', startsOn: '2024-02-10', version: suspended.body.version });
    expect(open.status).toBe(200);
    expect(open.body.state).toBe('suspended');
    expect(open.body.pausedSince).toBe('2024-02-10');
    expect(open.body.daysRemaining).toBe(daysRemaining({ dueOn: suspended.body.dueOn, pausedSince: '2024-02-10' }, today()));
    const paused = await manager.json<DeadlineRow[]>('GET', '/api/procedures/overdue');
    expect(paused.body.map((r) => r.procedureId)).not.toContain(p.id);

    const openId = open.body.suspensions.find((s) => s.endsOn === null)!.id;
    const ended = await worker.json<Procedure>('POST', `${base()}/${p.id}/suspensions/${openId}/end`, { endsOn: '2024-02-20', version: open.body.version });
    expect(ended.status).toBe(200);
    expect(ended.body.pausedSince).toBeNull();
    expect(ended.body.dueOn).toBe(computeDeadline({ startedOn: '2024-01-20', legalDays, suspensions: [{ startsOn: '2024-01-28', endsOn: '2024-02-05' }, { startsOn: '2024-02-10', endsOn: '2024-02-20' }] }).dueOn);

    const decided = await worker.json<Procedure>('POST', `${base()}/${p.id}/decision`, { outcome: 'partially_granted', decidedOn: '2024-03-01', note: 'Accolta per 10 ore settimanali', version: ended.body.version });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ state: 'decided', daysRemaining: null, outcome: 'partially_granted', decidedInTime: true });
    const again = await worker.json<ErrorReply>('POST', `${base()}/${p.id}/decision`, { outcome: 'rejected', decidedOn: '2024-03-02', version: decided.body.version });
    expect(again.status).toBe(409);

    const reads = await logCount('read');
    const list = await worker.json<Procedure[]>('GET', base());
    expect(list.status).toBe(200);
    expect(list.body.find((x) => x.id === p.id)?.suspensions).toHaveLength(2);
    expect(await logCount('read')).toBe(reads + 1);
    expect(await logCount('update')).toBeGreaterThanOrEqual(4);
  });

  it('bad dates are 400 with a message in both languages', async () => {
    const p = await start('2024-05-01');
    const send = (path: string, body: object) => worker.json<ErrorReply>('POST', `${base()}/${p.id}${path}`, { ...body, version: p.version });
    const cases: [string, object, string][] = [
      ['/suspensions', { reason: 'Prova', startsOn: '2024-05-10', endsOn: '2024-05-09' }, 'endsOn'],
      ['/suspensions', { reason: 'Prova', startsOn: '2024-04-10', endsOn: '2024-05-09' }, 'startsOn'],
      ['/decision', { outcome: 'granted', decidedOn: '2024-04-30' }, 'decidedOn'],
      ['/decision', { outcome: 'granted', decidedOn: '2999-01-01' }, 'decidedOn'],
    ];
    for (const [path, body, field] of cases) {
      const reply = await send(path, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.details?.map((d) => d.path)).toContain(field);
      expect(reply.body.message).toBeTruthy();
      expect(reply.body.messageEn).toBeTruthy();
    }
    const first = await send('/suspensions', { reason: 'Documenti', startsOn: '2024-05-05', endsOn: '2024-05-15' });
    expect(first.status).toBe(200);
    const overlap = await worker.json<ErrorReply>('POST', `${base()}/${p.id}/suspensions`, { reason: 'Altro', startsOn: '2024-05-10', endsOn: '2024-05-20', version: p.version + 1 });
    expect(overlap.status).toBe(400);
    expect(overlap.body.details?.[0]?.messageEn).toMatch(/overlap/);
    expect(overlap.body.details?.[0]?.message).toMatch(/sovrapporsi/);
    const inside = await worker.json<ErrorReply>('POST', `${base()}/${p.id}/decision`, { outcome: 'granted', decidedOn: '2024-05-12', version: p.version + 1 });
    expect(inside.status).toBe(400);
    const future = await worker.json<ErrorReply>('POST', base(), { procedureTypeId: typeId, subject: 'Futuro', startedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    const noType = await worker.json<ErrorReply>('POST', base(), { procedureTypeId: c.id, subject: 'Tipo', startedOn: '2024-05-01' });
    expect(noType.status).toBe(400);
  });

  it('editing the start date moves the deadline; a start after a suspension is refused; a stale version gets 412', async () => {
    const p = await start('2024-06-10', 'Domanda di borsa lavoro');
    const moved = await worker.json<Procedure>('PATCH', `${base()}/${p.id}`, { startedOn: '2024-06-01', subject: 'Domanda di tirocinio di inclusione', version: p.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.dueOn).toBe(computeDeadline({ startedOn: '2024-06-01', legalDays, suspensions: [] }).dueOn);
    expect(moved.body.subject).toBe('Domanda di tirocinio di inclusione');
    const stale = await worker.json<ErrorReply>('PATCH', `${base()}/${p.id}`, { subject: 'Vecchia', version: p.version });
    expect(stale.status).toBe(412);
    expect(stale.body.data?.current?.subject).toBe('Domanda di tirocinio di inclusione');
    const suspended = await worker.json<Procedure>('POST', `${base()}/${p.id}/suspensions`, { reason: 'Documenti', startsOn: '2024-06-05', endsOn: '2024-06-07', version: moved.body.version });
    expect(suspended.status).toBe(200);
    const late = await worker.json<ErrorReply>('PATCH', `${base()}/${p.id}`, { startedOn: '2024-06-06', version: suspended.body.version });
    expect(late.status).toBe(400);
    const other = await worker.json<ErrorReply>('PATCH', `/api/cases/${c.id}/procedures/${c.id}`, { subject: 'X', version: 1 });
    expect(other.status).toBe(404);
  });

  it('the overdue list shows overdue and near-deadline procedures of the territory, not other territories; outsiders get nothing', async () => {
    const near = await start(shiftDate(dayInRome(), -(legalDays - 3)), 'Domanda in scadenza');
    expect(['near', 'running']).toContain(near.state);
    const elsewhere = await userWith(t, 'social_worker', 'municipality', BOLOGNA);
    const db = t.database.db;
    const other = await db
      .insertInto('case_record')
      .values({ reference: `9999/${String(process.pid).slice(-6).padStart(6, '0')}`, municipality_code: BOLOGNA, owner_id: elsewhere.userId, opened_by: elsewhere.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await db
      .insertInto('case_procedure')
      .values({ case_id: other.id, municipality_code: BOLOGNA, procedure_type_id: typeId, subject: 'Altro territorio', started_on: '2024-01-01', legal_days: 30, due_on: '2024-01-31', created_by: elsewhere.userId, updated_by: elsewhere.userId })
      .returning('id')
      .executeTakeFirstOrThrow();

    const list = await manager.json<DeadlineRow[]>('GET', '/api/procedures/overdue?withinDays=7');
    expect(list.status).toBe(200);
    const ids = list.body.map((r) => r.procedureId);
    expect(ids).toContain(near.id);
    expect(ids).not.toContain(foreign.id);
    expect(list.body.find((r) => r.procedureId === near.id)?.state).toBe('near');
    expect(list.body.filter((r) => r.caseId === c.id && r.state === 'overdue').length).toBeGreaterThan(0);
    const narrow = await manager.json<DeadlineRow[]>('GET', '/api/procedures/overdue?withinDays=0');
    expect(narrow.body.map((r) => r.procedureId)).not.toContain(near.id);
    const logged = await db.selectFrom('access_log').select((eb) => eb.fn.countAll<number>().as('n')).where('record_type', '=', 'case_procedure').where('record_id', '=', c.id).where('action', '=', 'read').where('user_id', '=', (await db.selectFrom('app_user').select('id').where('username', '=', 'responsabile').executeTakeFirstOrThrow()).id).executeTakeFirstOrThrow();
    expect(logged.n).toBeGreaterThan(0);
    expect((await elsewhere.json<DeadlineRow[]>('GET', '/api/procedures/overdue')).body.map((r) => r.procedureId)).toEqual([foreign.id]);

    const outsider = await userWith(t, 'social_worker', 'union', await unionId(t));
    expect((await outsider.json<DeadlineRow[]>('GET', '/api/procedures/overdue')).body.filter((r) => r.caseId === c.id)).toEqual([]);
    expect((await outsider.request('GET', base())).statusCode).toBe(403);
    expect((await outsider.request('POST', base(), { procedureTypeId: typeId, subject: 'X', startedOn: '2024-01-01' })).statusCode).toBe(403);
    expect((await outsider.request('POST', `${base()}/${near.id}/decision`, { outcome: 'granted', decidedOn: '2024-02-01', version: 1 })).statusCode).toBe(403);
    expect((await elsewhere.request('GET', base())).statusCode).toBe(404);
    expect((await (await login(t.app, 'fornitore')).request('GET', '/api/procedures/overdue')).statusCode).toBe(403);
  });
});
