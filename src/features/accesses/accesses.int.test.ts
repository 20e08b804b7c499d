import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { aService, anAccess, CASTEL_MAGGIORE, counts, hoursAgo, logCount, municipalityCode, personsIn, userWith } from './access-test-kit.ts';
import type { Access, AccessPage } from './accesses.schemas.ts';
import type { IntakeItem } from './intake.schemas.ts';
import { clock } from '../../platform/time/clock.ts';
import { dayInRome } from '../../platform/time/rome.ts';

describe('access records', () => {
  let t: TestApp;
  let desk: Client;
  let beneficiary: string;
  let requester: string;
  let service: { id: string; name: string };
  beforeAll(async () => {
    t = await startTestApp();
    desk = await login(t.app, 'sportello');
    [beneficiary = '', requester = ''] = await personsIn(t, CASTEL_MAGGIORE, 2);
    service = await aService(t);
  });
  afterAll(() => t.close());

  it('the demo Union has a year of realistic accesses: about a fifth referrals, some assigned, a few anonymous', async () => {
    const db = t.database.db;
    const demo = await db.selectFrom('access_record').select(['outcome', 'occurred_at', 'municipality_code', 'anonymous_description']).execute();
    expect(demo.length).toBeGreaterThanOrEqual(500);
    const referrals = demo.filter((a) => a.outcome === 'referral').length / demo.length;
    expect(referrals).toBeGreaterThan(0.15);
    expect(referrals).toBeLessThan(0.25);
    expect(new Set(demo.map((a) => a.municipality_code)).size).toBe(8);
    const oldest = Math.min(...demo.map((a) => Date.parse(a.occurred_at)));
    expect(clock.nowMs() - oldest).toBeLessThan(370 * 86_400_000);
    expect(clock.nowMs() - oldest).toBeGreaterThan(300 * 86_400_000);
    expect(demo.filter((a) => a.anonymous_description).length).toBeGreaterThan(3);
    const assigned = await db.selectFrom('intake_item').select('id').where('status', '=', 'assigned').execute();
    expect(assigned.length).toBeGreaterThan(10);
  });

  it('records an access with each outcome, the requester apart from the beneficiary, and logs the persons', async () => {
    // The requester is named first on purpose: the record lists the beneficiary first all the same.
    const persons = [{ personId: requester, involvement: 'requester' }, { personId: beneficiary, involvement: 'beneficiary' }];
    const bodies = [
      anAccess({ persons, outcome: 'information' }),
      anAccess({ persons, outcome: 'orientation', outcomeServiceId: service.id, channel: 'phone' }),
      anAccess({ persons, outcome: 'application_help', needAreaCode: 'POV' }),
      anAccess({ persons, outcome: 'application_help', outcomeServiceId: service.id }),
      anAccess({ persons, outcome: 'desk_procedure', channel: 'email', outcomeNotes: 'Rilasciata attestazione.' }),
      anAccess({ persons, outcome: 'referral', referralUrgency: 'priority', channel: 'home_visit' }),
    ];
    const before = await logCount(t, requester, 'access', 'create');
    for (const body of bodies) {
      const created = await desk.json<Access>('POST', '/api/accesses', body);
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      expect(created.body).toMatchObject({ outcome: body.outcome, channel: body.channel, municipalityName: 'Castel Maggiore', version: 1 });
      expect(created.body.persons.map((p) => [p.personId, p.involvement])).toEqual([[beneficiary, 'beneficiary'], [requester, 'requester']]);
      expect(created.body.recordedByName).toContain('Giulia');
      if (body.outcomeServiceId) expect(created.body.outcomeServiceName).toBe(service.name);
      expect(created.body.intake === null).toBe(body.outcome !== 'referral');
      // What the desk is shown on saving is what anyone reads afterwards.
      expect((await desk.json<Access>('GET', `/api/accesses/${created.body.id}`)).body).toEqual(created.body);
    }
    expect(await logCount(t, requester, 'access', 'create')).toBe(before + bodies.length);
  });

  it('a referral puts an item in the intake queue of the desk, with the access’s time and urgency', async () => {
    const occurredAt = hoursAgo(30);
    const created = await desk.json<Access>('POST', '/api/accesses', anAccess({ occurredAt, persons: [{ personId: beneficiary }], outcome: 'referral', referralUrgency: 'urgent' }));
    expect(created.status).toBe(200);
    const item = await t.database.db.selectFrom('intake_item').selectAll().where('access_id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ municipality_code: CASTEL_MAGGIORE, urgency: 'urgent', status: 'waiting', assigned_to: null });
    expect(Date.parse(item.referred_at)).toBe(Date.parse(occurredAt));
    expect(created.body.intake).toMatchObject({ id: item.id, status: 'waiting' });
  });

  it('refuses bad input with a message on the field, and writes nothing', async () => {
    const persons = [{ personId: beneficiary }];
    const cases: [Record<string, unknown>, string][] = [
      [anAccess({ persons, occurredAt: new Date(clock.nowMs() + 86_400_000).toISOString() }), 'occurredAt'],
      [anAccess({ persons, needAreaCode: 'XYZ' }), 'needAreaCode'],
      [anAccess({ persons, outcome: 'referral' }), 'referralUrgency'],
      [anAccess({ persons, outcome: 'information', referralUrgency: 'urgent' }), 'referralUrgency'],
      [anAccess({ persons, outcome: 'orientation' }), 'outcomeServiceId'],
      [anAccess({ persons, outcome: 'information', outcomeServiceId: service.id }), 'outcomeServiceId'],
      [anAccess({ persons, outcome: 'orientation', outcomeServiceId: '00000000-0000-4000-8000-000000000000' }), 'outcomeServiceId'],
      [anAccess({ persons: [] }), 'anonymousDescription'],
      [anAccess({ persons: [{ personId: beneficiary }, { personId: beneficiary, involvement: 'requester' }] }), 'persons.1.personId'],
      [anAccess({ persons, channel: 'pigeon' }), 'channel'],
      [anAccess({ persons, occurredAt: '2026-13-01T10:00:00Z' }), 'occurredAt'],
    ];
    const before = await counts(t);
    for (const [body, field] of cases) {
      const response = await desk.request('POST', '/api/accesses', body);
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      const details = response.json<{ details: { path: string; message: string; messageEn: string }[] }>().details;
      expect(details.map((d) => d.path)).toContain(field);
      expect(details[0]?.message).not.toBe('');
    }
    expect(await counts(t)).toEqual(before);
  });

  it('edits with the version read: a stale version gets 412 with the current record', async () => {
    const created = await desk.json<Access>('POST', '/api/accesses', anAccess({ persons: [{ personId: beneficiary }] }));
    const edit = { ...anAccess({ request: 'Chiede pasti a domicilio.', outcome: 'referral', referralUrgency: 'ordinary' }) };
    const saved = await desk.json<Access>('PUT', `/api/accesses/${created.body.id}`, { access: edit, version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, request: 'Chiede pasti a domicilio.', outcome: 'referral', intake: { status: 'waiting' } });
    const stale = await desk.request('PUT', `/api/accesses/${created.body.id}`, { access: { ...edit, request: 'Altro' }, version: 1 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current).toMatchObject({ version: 2, request: 'Chiede pasti a domicilio.' });
    // Once in the queue, the referral is withdrawn by closing the queue item, not by editing the outcome.
    const away = await desk.request('PUT', `/api/accesses/${created.body.id}`, { access: { ...edit, outcome: 'information', referralUrgency: null }, version: 2 });
    expect(away.statusCode).toBe(409);
    const bad = await desk.request('PUT', `/api/accesses/${created.body.id}`, { access: { ...edit, needAreaCode: 'NOPE' }, version: 2 });
    expect(bad.statusCode).toBe(400);
    expect((await desk.json<Access>('GET', `/api/accesses/${created.body.id}`)).body.version).toBe(2);
  });

  it('records an anonymous first contact, then links the registered person; the intake item follows', async () => {
    const created = await desk.json<Access>('POST', '/api/accesses', anAccess({ anonymousDescription: 'Signora sui 70 anni, primo contatto', outcome: 'referral', referralUrgency: 'priority' }));
    expect(created.status).toBe(200);
    expect(created.body.persons).toEqual([]);
    const unlinked = await desk.json<AccessPage>('GET', '/api/accesses?unlinked=true&pageSize=100');
    expect(unlinked.body.items.map((a) => a.id)).toContain(created.body.id);
    const manager = await login(t.app, 'responsabile');
    const queued = (await manager.json<IntakeItem[]>('GET', '/api/intake')).body.find((i) => i.accessId === created.body.id);
    expect(queued).toMatchObject({ anonymousDescription: 'Signora sui 70 anni, primo contatto', persons: [] });

    const linked = await desk.json<Access>('POST', `/api/accesses/${created.body.id}/persons`, { personId: beneficiary, involvement: 'beneficiary' });
    expect(linked.status).toBe(200);
    expect(linked.body.persons.map((p) => p.personId)).toEqual([beneficiary]);
    expect(linked.body.version).toBe(2);
    expect((await desk.request('POST', `/api/accesses/${created.body.id}/persons`, { personId: beneficiary })).statusCode).toBe(409);
    const after = (await manager.json<IntakeItem[]>('GET', '/api/intake')).body.find((i) => i.accessId === created.body.id);
    expect(after?.persons.map((p) => p.personId)).toEqual([beneficiary]);
    const stillUnlinked = await desk.json<AccessPage>('GET', '/api/accesses?unlinked=true&pageSize=100');
    expect(stillUnlinked.body.items.map((a) => a.id)).not.toContain(created.body.id);
  });

  it('shows a person’s accesses newest first, and logs every read of them', async () => {
    const before = await logCount(t, beneficiary, 'access', 'read');
    const timeline = await desk.json<Access[]>('GET', `/api/persons/${beneficiary}/accesses`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.length).toBeGreaterThanOrEqual(8);
    const times = timeline.body.map((a) => Date.parse(a.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(timeline.body.every((a) => a.persons.some((p) => p.personId === beneficiary))).toBe(true);
    expect(timeline.body.find((a) => a.outcome === 'orientation')?.outcomeServiceName).toBe(service.name);
    expect(await logCount(t, beneficiary, 'access', 'read')).toBe(before + 1);
    const social = await login(t.app, 'assistente');
    expect((await social.request('GET', `/api/persons/${beneficiary}/accesses`)).statusCode).toBe(200);
    expect(await logCount(t, beneficiary, 'access', 'read')).toBe(before + 2);
  });

  it('a desk of another territory can neither see nor write the accesses of Castel Maggiore', async () => {
    const argelato = await municipalityCode(t, 'Argelato');
    const other = await userWith(t, 'front_desk', 'municipality', argelato);
    const mine = await desk.json<Access>('POST', '/api/accesses', anAccess({ persons: [{ personId: beneficiary }] }));
    expect((await other.request('GET', `/api/accesses/${mine.body.id}`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/persons/${beneficiary}/accesses`)).statusCode).toBe(404);
    const list = await other.json<AccessPage>('GET', '/api/accesses?pageSize=100');
    expect(list.body.items.every((a) => a.municipalityCode === argelato)).toBe(true);
    const before = await counts(t);
    expect((await other.request('POST', '/api/accesses', anAccess({ anonymousDescription: 'x' }))).statusCode).toBe(403);
    expect((await other.request('PUT', `/api/accesses/${mine.body.id}`, { access: anAccess({ anonymousDescription: 'x' }), version: 1 })).statusCode).toBe(404);
    expect((await other.request('POST', `/api/accesses/${mine.body.id}/persons`, { personId: requester })).statusCode).toBe(404);
    // Its own desk, with a person it cannot see: refused on the field.
    const foreign = await other.request('POST', '/api/accesses', anAccess({ municipalityCode: argelato, persons: [{ personId: beneficiary }] }));
    expect(foreign.statusCode).toBe(400);
    expect(await counts(t)).toEqual(before);
  });

  it('providers, officials, clerks and the system administrator get no access record and no queue', async () => {
    const { body } = await desk.json<AccessPage>('GET', '/api/accesses?pageSize=1');
    const id = body.items[0]?.id ?? '';
    for (const username of ['fornitore', 'assessore', 'amministrativo', 'admin', 'cittadino']) {
      const client = await login(t.app, username);
      for (const url of ['/api/accesses', `/api/accesses/${id}`, `/api/persons/${beneficiary}/accesses`, '/api/intake']) {
        expect((await client.request('GET', url)).statusCode, `${username} ${url}`).toBe(403);
      }
      expect((await client.request('POST', '/api/accesses', anAccess({ anonymousDescription: 'x' }))).statusCode).toBe(403);
    }
  });

  it('the desk’s list filters by municipality, dates and outcome', async () => {
    // Its own referral, just now: the day it falls on is the day to filter on (even a minute after midnight).
    const occurredAt = clock.now().toISOString();
    const created = await desk.json<Access>('POST', '/api/accesses', anAccess({ occurredAt, persons: [{ personId: (await personsIn(t, CASTEL_MAGGIORE, 1))[0]! }], outcome: 'referral', referralUrgency: 'ordinary' }));
    expect(created.status).toBe(200);
    const day = dayInRome(new Date(occurredAt));
    const list = await desk.json<AccessPage>('GET', `/api/accesses?municipalityCode=${CASTEL_MAGGIORE}&from=${day}&to=${day}&outcome=referral&pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a) => a.id)).toContain(created.body.id);
    expect(list.body.items.every((a) => a.outcome === 'referral' && a.municipalityCode === CASTEL_MAGGIORE)).toBe(true);
    expect((await desk.request('GET', '/api/accesses?from=2026-05-01&to=2026-04-01')).statusCode).toBe(400);
  });
});
