import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp, passwordChosenByOwner } from '../../../test/support/test-app.ts';
import type { Appointment } from './appointments.schemas.ts';
import { BOLOGNA, castelMaggiorePersons, clients, createOfficeWithRooms, createReferral, logCount, userId } from './appointments.fixture.ts';
import type { SafetyFlag } from './rooms.schemas.ts';
import type { TimelinessReport } from './timeliness.schemas.ts';

const REASON = 'Episodio di aggressione verbale allo sportello il 3 marzo';
const at = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`).toISOString();
type Body = Appointment & { message: string; details?: { path: string }[] };

describe('staff safety, first interviews and timeliness', () => {
  let t: TestApp;
  let c: Record<string, Client>;
  let rooms: Awaited<ReturnType<typeof createOfficeWithRooms>>;
  let flagged: string;
  let other: string;
  let worker: string;
  let colleague: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await clients(t, ['sportello', 'assistente', 'responsabile', 'fornitore', 'assessore', 'admin']);
    rooms = await createOfficeWithRooms(c.responsabile!, 'Sede protetta di prova');
    [flagged, other] = (await castelMaggiorePersons(t.database.db, 2, 20)) as [string, string];
    worker = await userId(t.database.db, 'assistente');
    colleague = await userId(t.database.db, 'assistente2');
  });
  afterAll(() => t.close());

  const book = (overrides: Record<string, unknown>) =>
    c.sportello!.json<Body>('POST', '/api/appointments', {
      personId: flagged,
      workerId: worker,
      kind: 'first_interview',
      roomId: rooms.plainRoomId,
      startsAt: at('2032-05-03', '09:00'),
      endsAt: at('2032-05-03', '10:00'),
      ...overrides,
    });

  it('a social worker flags a person with a reason; the desk learns only that the person is flagged', async () => {
    expect((await c.sportello!.request('POST', `/api/persons/${flagged}/safety-flag`, { reason: REASON })).statusCode).toBe(403);
    const set = await c.assistente!.json<SafetyFlag>('POST', `/api/persons/${flagged}/safety-flag`, { reason: REASON });
    expect(set.body).toMatchObject({ flagged: true, reason: REASON });
    expect(await logCount(t.database.db, flagged, 'safety_flag', 'create')).toBe(1);
    const desk = await c.sportello!.request('GET', `/api/persons/${flagged}/safety-flag`);
    expect(desk.json()).toMatchObject({ flagged: true });
    expect(desk.body).not.toContain('aggressione');
    const manager = await c.responsabile!.json<SafetyFlag>('GET', `/api/persons/${flagged}/safety-flag`);
    expect(manager.body.reason).toBe(REASON);
    expect(await logCount(t.database.db, flagged, 'safety_flag', 'read')).toBe(2);
    expect((await c.assistente!.request('POST', `/api/persons/${flagged}/safety-flag`, { reason: REASON })).statusCode).toBe(409);
  });

  it('for a flagged person only protected rooms can be booked, and a colleague on call is required', async () => {
    const plain = await book({ colleagueOnCallId: colleague });
    expect(plain.status).toBe(409);
    expect(plain.body.message).toContain('protett');
    const noColleague = await book({ roomId: rooms.protectedRoomId });
    expect(noColleague.status).toBe(400);
    expect(noColleague.body.details?.[0]?.path).toBe('colleagueOnCallId');
    const sameAsWorker = await book({ roomId: rooms.protectedRoomId, colleagueOnCallId: worker });
    expect(sameAsWorker.status).toBe(400);
    const homeVisit = await book({ kind: 'home_visit', roomId: null });
    expect(homeVisit.status).toBe(400);
    const ok = await book({ roomId: rooms.protectedRoomId, colleagueOnCallId: colleague });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ roomProtected: true, colleagueOnCallName: 'Sara Romano (assistente sociale)' });
  });

  it('a cleared flag is logged and lifts the room rule', async () => {
    const cleared = await c.responsabile!.json<SafetyFlag>('POST', `/api/persons/${flagged}/safety-flag/clear`, { reason: 'Rischio rientrato dopo la valutazione' });
    expect(cleared.body.flagged).toBe(false);
    expect(await logCount(t.database.db, flagged, 'safety_flag', 'update')).toBe(1);
    expect((await book({ startsAt: at('2032-05-04', '09:00'), endsAt: at('2032-05-04', '10:00') })).status).toBe(200);
  });

  it('holding the first interview of a referral sets first_interview_at and assigns a waiting referral', async () => {
    const sportelloId = await userId(t.database.db, 'sportello');
    const referral = await createReferral(t.database.db, sportelloId, { referredAt: at('2020-01-10', '10:00') });
    const booked = await book({ personId: other, intakeItemId: referral.intakeItemId, startsAt: at('2020-01-20', '09:00'), endsAt: at('2020-01-20', '10:00') });
    expect(booked.body.accessId).toBe(referral.accessId);
    const future = await book({ personId: other, startsAt: at('2032-06-01', '09:00'), endsAt: at('2032-06-01', '10:00') });
    expect((await c.sportello!.request('POST', `/api/appointments/${future.body.id}/status`, { status: 'held', version: 1 })).statusCode).toBe(400);
    const held = await c.assistente!.json<Appointment>('POST', `/api/appointments/${booked.body.id}/status`, { status: 'held', version: 1 });
    expect(held.body.status).toBe('held');
    const item = await t.database.db.selectFrom('intake_item').selectAll().where('id', '=', referral.intakeItemId).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ first_interview_at: at('2020-01-20', '09:00'), status: 'assigned', assigned_to: worker });
  });

  it('computes median and 90th percentile of days to the first interview, and the waiting ones', async () => {
    const by = await userId(t.database.db, 'sportello');
    for (const days of [1, 2, 3, 4, 10]) {
      await createReferral(t.database.db, by, { municipalityCode: '037002', referredAt: at('2019-03-04', '10:00'), firstInterviewAt: new Date(Date.parse(at('2019-03-04', '10:00')) + days * 86_400_000).toISOString() });
    }
    await createReferral(t.database.db, by, { municipalityCode: '037002', referredAt: at('2019-03-20', '10:00') });
    await createReferral(t.database.db, by, { municipalityCode: '037002', referredAt: at('2019-03-25', '10:00'), closedAt: at('2019-03-28', '10:00') });
    await createReferral(t.database.db, by, { municipalityCode: '037002', referredAt: at('2019-04-02', '10:00'), firstInterviewAt: at('2019-04-09', '10:00') });
    const report = await c.responsabile!.json<TimelinessReport>('GET', '/api/reports/timeliness?from=2019-01-01&to=2019-12-31&groupBy=month');
    expect(report.status).toBe(200);
    const march = report.body.rows.find((r) => r.municipalityCode === '037002' && r.period === '2019-03-01');
    expect(march).toMatchObject({ municipalityName: 'Argelato', referred: 7, interviewed: 5, medianDays: 3, p90Days: 7.6, waiting: 1, endedWithoutInterview: 1 });
    expect(march!.waitingMaxAgeDays).toBeGreaterThan(365);
    const quarter = await c.responsabile!.json<TimelinessReport>('GET', '/api/reports/timeliness?from=2019-01-01&to=2019-12-31&groupBy=quarter');
    expect(quarter.body.rows.filter((r) => r.municipalityCode === '037002').map((r) => r.period)).toEqual(['2019-01-01', '2019-04-01']);
    expect(quarter.body.periodTotals.find((r) => r.period === '2019-01-01')).toMatchObject({ referred: 7, interviewed: 5, medianDays: 3, p90Days: 7.6, waiting: 1, endedWithoutInterview: 1 });
    const april = await c.responsabile!.json<TimelinessReport>('GET', '/api/reports/timeliness?from=2019-04-01&to=2019-04-30&municipalityCode=037002');
    expect(april.body.rows).toEqual([expect.objectContaining({ period: '2019-04-01', referred: 1, interviewed: 1, medianDays: 7, p90Days: 7 })]);
  });

  it('denies providers, officials and the administrator; timeliness is for the manager only', async () => {
    for (const name of ['fornitore', 'assessore', 'admin']) {
      const client = c[name]!;
      expect((await client.request('GET', `/api/persons/${flagged}/appointments`)).statusCode, name).toBe(403);
      expect((await client.request('GET', `/api/persons/${flagged}/safety-flag`)).statusCode, name).toBe(403);
      expect((await client.request('GET', `/api/appointments?workerId=${worker}&from=2032-05-01&to=2032-05-07`)).statusCode, name).toBe(403);
      expect((await client.request('POST', '/api/appointments', {})).statusCode, name).toBe(403);
      expect((await client.request('GET', '/api/reports/timeliness?from=2019-01-01&to=2019-12-31')).statusCode, name).toBe(403);
    }
    expect((await c.sportello!.request('GET', '/api/reports/timeliness?from=2019-01-01&to=2019-12-31')).statusCode).toBe(403);
    expect((await c.sportello!.request('POST', '/api/offices', { municipalityCode: '037019', name: 'Altra sede' })).statusCode).toBe(403);
  });

  it('a desk of another territory neither sees nor books the Union’s appointments', async () => {
    const admin = c.admin!;
    const user = await admin.json<{ id: string }>('POST', '/api/users', { username: 'sportello.bologna', displayName: 'Sportello Bologna', password: 'una-password-lunga' });
    await passwordChosenByOwner(t.database, user.body.id);
    await admin.request('POST', `/api/users/${user.body.id}/grants`, { role: 'front_desk', territoryKind: 'municipality', territoryId: BOLOGNA });
    const bologna = await login(t.app, 'sportello.bologna', 'una-password-lunga');
    expect((await bologna.request('GET', `/api/persons/${flagged}/appointments`)).statusCode).toBe(404);
    const calendar = await bologna.json<Appointment[]>('GET', `/api/appointments?workerId=${worker}&from=2032-05-01&to=2032-05-07`);
    expect(calendar.body).toEqual([]);
    const booking = await bologna.request('POST', '/api/appointments', {
      personId: other, workerId: worker, kind: 'interview', roomId: rooms.plainRoomId, startsAt: at('2032-07-01', '09:00'), endsAt: at('2032-07-01', '10:00'),
    });
    expect(booking.statusCode).toBe(404);
    expect((await bologna.json<unknown[]>('GET', '/api/offices')).body).toEqual([]);
  });
});
