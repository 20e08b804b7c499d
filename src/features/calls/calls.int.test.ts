import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { aService, municipalityCode, unionId, userWith } from '../accesses/access-test-kit.ts';
import { clock } from '../../platform/time/clock.ts';
import { dayInRome, romeClock, romeDate } from '../../platform/time/rome.ts';
import type { PublicCall, PublicCallSummary, StaffCall, StaffCallSummary } from './calls.schemas.ts';

interface ErrorReply {
  code: string;
  message: string;
  messageEn: string;
  details?: { path: string; message: string; messageEn: string }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant relative to Trama's clock, so every test holds on any date (29 February, the DST night…). */
const fromNow = (ms: number) => new Date(clock.nowMs() + ms).toISOString();
const label = (it: string, en: string) => ({ it, en });

function aRules() {
  return {
    eligibility: { residentInTerritory: true, age: { min: 0, max: 3, referenceDate: dayInRome() }, iseeMaxCents: 3_000_000 },
    questions: [
      { key: 'working_parents', label: label('Entrambi i genitori lavorano?', 'Do both parents work?'), type: 'yes_no' },
      { key: 'siblings', label: label('Fratelli e sorelle nel nucleo', 'Brothers and sisters in the household'), type: 'household_member' },
      { key: 'commute_km', label: label('Distanza dal lavoro (km)', 'Distance from work (km)'), type: 'number' },
    ],
    criteria: [
      { kind: 'flag', key: 'both_working', label: label('Genitori entrambi lavoratori', 'Both parents working'), question: 'working_parents', points: 10 },
      { kind: 'count', key: 'siblings', label: label('Fratelli', 'Siblings'), question: 'siblings', points: 3, maxPoints: 9 },
      { kind: 'band', key: 'distance', label: label('Distanza', 'Distance'), question: 'commute_km', bands: [{ to: 10, points: 0 }, { from: 10, points: 5 }] },
    ],
    tieBreakers: [{ by: 'lower_isee' }, { by: 'earlier_protocol' }],
    requiredDocuments: [{ key: 'isee', label: label('Attestazione ISEE', 'ISEE certificate') }],
    allocation: { kind: 'places', places: [{ site: 'Nido Girotondo', group: 'Lattanti', places: 12 }, { site: 'Nido Girotondo', group: 'Divezzi', places: 20 }] },
    appealDays: 30,
  };
}

describe('calls: drafted, published and corrected by the manager; published ones public', () => {
  let t: TestApp;
  let manager: Client;
  let serviceId: string;
  let union: string;
  let count = 0;

  const aCall = (overrides: Record<string, unknown> = {}) => ({
    serviceId,
    title: label(`Iscrizione ai nidi d'infanzia ${String(++count)}`, `Nursery enrolment ${String(count)}`),
    description: label('Il bando è per i bambini da zero a tre anni. La domanda si fa online.', 'The call is for children up to three years old. Apply online.'),
    territory: { kind: 'group', groupId: union },
    rules: aRules(),
    opensAt: fromNow(-HOUR),
    closesAt: fromNow(30 * DAY),
    ...overrides,
  });
  const create = async (body: Record<string, unknown>) => {
    const reply = await manager.json<StaffCall>('POST', '/api/calls', body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  const publish = async (call: StaffCall) => {
    const reply = await manager.json<StaffCall>('POST', `/api/calls/${call.id}/publish`, { version: call.version });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  const anonymous = async <T>(url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json<T>() };
  };

  beforeAll(async () => {
    t = await startTestApp();
    manager = await login(t.app, 'responsabile');
    serviceId = (await aService(t)).id;
    union = await unionId(t);
  });
  afterAll(() => t.close());

  it('the manager creates, edits and publishes a call; the staff read it', async () => {
    const draft = await create(aCall());
    expect(draft).toMatchObject({ status: 'draft', phase: null, version: 1, current: { versionNumber: 1, publishedAt: null } });
    expect(draft.territory.municipalities).toHaveLength(8);
    expect(draft.territory.groupName).toBe('Unione Reno Galliera');
    expect(draft.descriptionReadability.index).toBeGreaterThan(40);
    expect(draft.current.rules.questions[0]).toMatchObject({ required: true, options: [] });
    expect(draft.current.opensAtRome).toBe(`${romeDate(draft.current.opensAt ?? '')} ${romeClock(draft.current.opensAt ?? '')}`);

    const edited = await manager.json<StaffCall>('PUT', `/api/calls/${draft.id}`, { ...(aCall()), title: label('Nidi 2027/28', 'Nurseries 2027/28'), version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: { it: 'Nidi 2027/28' }, version: 2 });
    const stale = await manager.json<ErrorReply>('PUT', `/api/calls/${draft.id}`, { ...(aCall()), version: 1 });
    expect(stale.status).toBe(412);

    const published = await publish(edited.body);
    expect(published).toMatchObject({ status: 'published', phase: 'open', version: 3 });
    expect(published.current.publishedAt).not.toBeNull();

    for (const username of ['amministrativo', 'sportello', 'assistente']) {
      const staff = await login(t.app, username);
      expect((await staff.json<StaffCall>('GET', `/api/calls/${draft.id}`)).status).toBe(200);
      expect((await staff.json<StaffCallSummary[]>('GET', '/api/calls?status=published')).body.map((c) => c.id)).toContain(draft.id);
      expect((await staff.request('POST', '/api/calls', aCall())).statusCode).toBe(403);
    }
    expect((await (await login(t.app, 'fornitore')).request('GET', '/api/calls')).statusCode).toBe(403);
  });

  it('refuses invalid rules with a 400 naming the field in Italian and English', async () => {
    const badType = await manager.json<ErrorReply>('POST', '/api/calls', aCall({ rules: { ...aRules(), questions: [{ key: 'x', label: label('X', 'X'), type: 'bogus' }] } }));
    expect(badType.status).toBe(400);
    expect(badType.body.details?.[0]).toMatchObject({ path: 'rules.questions.0.type', message: expect.stringContaining('Valore non ammesso'), messageEn: expect.stringContaining('Value not allowed') });

    const rules = aRules();
    rules.criteria[0] = { kind: 'flag', key: 'both_working', label: label('L', 'L'), question: 'no_such_question', points: 10 };
    rules.criteria[2] = { kind: 'band', key: 'distance', label: label('D', 'D'), question: 'working_parents', bands: [{ to: 10, points: 0 }] };
    const draft = await create(aCall({ rules: { ...rules, allocation: null }, closesAt: fromNow(-60_000), opensAt: fromNow(-DAY) }));
    const refused = await manager.json<ErrorReply>('POST', `/api/calls/${draft.id}/publish`, { version: draft.version });
    expect(refused.status).toBe(400);
    const byPath = new Map(refused.body.details?.map((d) => [d.path, d]));
    expect(byPath.get('rules.criteria.0.question')).toMatchObject({ message: expect.stringContaining('no_such_question'), messageEn: expect.stringContaining('not in the form') });
    expect(byPath.get('rules.criteria.2.question')?.messageEn).toContain('cannot read a yes_no question');
    expect(byPath.get('rules.allocation')).toMatchObject({ message: expect.stringContaining('posti'), messageEn: expect.stringContaining('places') });
    expect(byPath.get('closesAt')?.messageEn).toContain('past');

    const noCriteria = await create(aCall({ rules: { ...aRules(), criteria: [], tieBreakers: [] } }));
    const empty = await manager.json<ErrorReply>('POST', `/api/calls/${noCriteria.id}/publish`, { version: 1 });
    expect(empty.body.details?.map((d) => d.path)).toEqual(['rules.criteria']);
    const reversed = await manager.json<ErrorReply>('POST', '/api/calls', aCall({ opensAt: fromNow(DAY), closesAt: fromNow(HOUR) }));
    expect(reversed.body.details?.[0]?.path).toBe('closesAt');
    expect((await t.database.db.selectFrom('call').select('status').where('id', '=', draft.id).executeTakeFirstOrThrow()).status).toBe('draft');
  });

  it('a published version cannot be edited, by the API or by SQL; a correction is version 2 with its public reason', async () => {
    const call = await publish(await create(aCall()));
    const edit = await manager.json<ErrorReply>('PUT', `/api/calls/${call.id}`, { ...(aCall()), version: call.version });
    expect(edit.status).toBe(409);
    expect(edit.body.messageEn).toContain('new version');
    expect((await manager.json<ErrorReply>('PUT', `/api/calls/${call.id}`, { ...(aCall()), version: call.version - 1 })).status).toBe(412);
    await expect(sql`UPDATE call_version SET rules = '{}'::jsonb WHERE call_id = ${call.id}`.execute(t.database.db)).rejects.toThrow(/published/);
    await expect(sql`UPDATE call_version SET closes_at = closes_at + interval '1 day' WHERE call_id = ${call.id}`.execute(t.database.db)).rejects.toThrow(/published/);
    await expect(sql`DELETE FROM call_version WHERE call_id = ${call.id}`.execute(t.database.db)).rejects.toThrow(/published/);

    const rules = aRules();
    rules.allocation.places[0] = { site: 'Nido Girotondo', group: 'Lattanti', places: 14 };
    const correction = { rules, opensAt: call.current.opensAt, closesAt: fromNow(40 * DAY), version: call.version };
    const short = await manager.json<ErrorReply>('POST', `/api/calls/${call.id}/corrections`, { ...correction, reason: 'typo' });
    expect(short.status).toBe(400);
    expect(short.body.details?.[0]?.path).toBe('reason');
    const reason = 'Due posti in più per i lattanti dopo l’apertura della nuova sezione.';
    const corrected = await manager.json<StaffCall>('POST', `/api/calls/${call.id}/corrections`, { ...correction, reason });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.current).toMatchObject({ versionNumber: 2, correctionReason: reason, rules: { allocation: { places: [{ places: 14 }, { places: 20 }] } } });
    expect(corrected.body.versions.map((v) => [v.versionNumber, v.correctionReason])).toEqual([[1, null], [2, reason]]);
    const first = await t.database.db.selectFrom('call_version').select('rules').where('call_id', '=', call.id).where('version_number', '=', 1).executeTakeFirstOrThrow();
    expect(first.rules.allocation).toMatchObject({ places: [{ places: 12 }, { places: 20 }] });
    expect((await manager.json<ErrorReply>('POST', `/api/calls/${call.id}/corrections`, { ...correction, reason })).status).toBe(412);

    const seen = await anonymous<PublicCall>(`/api/public/calls/${call.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ versionNumber: 2, rules: { allocation: { places: [{ places: 14 }, { places: 20 }] } }, corrections: [{ versionNumber: 2, reason }] });
  });

  it('a manager of another territory neither sees nor edits the call', async () => {
    const call = await create(aCall());
    const elsewhere = await userWith(t, 'service_manager', 'municipality', await municipalityCode(t, 'Baricella'));
    expect((await elsewhere.request('GET', `/api/calls/${call.id}`)).statusCode).toBe(404);
    expect((await elsewhere.json<StaffCallSummary[]>('GET', '/api/calls')).body.map((c) => c.id)).not.toContain(call.id);
    expect((await elsewhere.request('PUT', `/api/calls/${call.id}`, { ...(aCall()), version: call.version })).statusCode).toBe(404);
    expect((await elsewhere.request('POST', `/api/calls/${call.id}/publish`, { version: call.version })).statusCode).toBe(404);
    expect((await elsewhere.request('POST', '/api/calls', aCall())).statusCode).toBe(403);
    const own = await elsewhere.json<StaffCall>('POST', '/api/calls', aCall({ territory: { kind: 'municipalities', municipalityCodes: [await municipalityCode(t, 'Baricella')] } }));
    expect(own.status).toBe(200);
    expect((await manager.request('GET', `/api/calls/${own.body.id}`)).statusCode).toBe(404);
  });

  it('the public endpoints need no login, show only published calls and no internal fields', async () => {
    const draft = await create(aCall());
    const call = await publish(await create(aCall()));
    const list = await anonymous<PublicCallSummary[]>('/api/public/calls');
    expect(list.status).toBe(200);
    expect(list.body.map((c) => c.id)).toContain(call.id);
    expect(list.body.map((c) => c.id)).not.toContain(draft.id);
    expect((await anonymous(`/api/public/calls/${draft.id}`)).status).toBe(404);

    const one = await anonymous<PublicCall>(`/api/public/calls/${call.id}`);
    expect(one.body).toMatchObject({ territoryName: 'Unione Reno Galliera', phase: 'open', corrections: [] });
    expect(one.body.municipalities).toHaveLength(8);
    const text = JSON.stringify([list.body, one.body]);
    for (const internal of ['createdBy', 'created_by', 'updatedAt', 'versions', '"version"', 'groupId', call.createdBy.id, serviceId]) expect(text).not.toContain(internal);
  });

  it('open, upcoming and closed come from the server clock', async () => {
    const open = await publish(await create(aCall()));
    const upcoming = await publish(await create(aCall({ opensAt: fromNow(2 * DAY), closesAt: fromNow(9 * DAY) })));
    // A call whose dates have passed: drafted with them, then published as it was then (no API publishes a past closing).
    const past = await create(aCall({ opensAt: fromNow(-9 * DAY), closesAt: fromNow(-2 * DAY) }));
    await sql`UPDATE call_version SET published_at = trama_now() - interval '10 days' WHERE call_id = ${past.id}`.execute(t.database.db);
    await t.database.db.updateTable('call').set({ status: 'published' }).where('id', '=', past.id).execute();

    const phases = new Map((await anonymous<PublicCallSummary[]>('/api/public/calls')).body.map((c) => [c.id, c.phase]));
    expect([phases.get(open.id), phases.get(upcoming.id), phases.get(past.id)]).toEqual(['open', 'upcoming', 'closed']);
    for (const phase of ['open', 'upcoming', 'closed'] as const) {
      const ids = (await anonymous<PublicCallSummary[]>(`/api/public/calls?phase=${phase}`)).body.map((c) => c.id);
      expect(ids.filter((id) => [open.id, upcoming.id, past.id].includes(id))).toEqual([{ open: open.id, upcoming: upcoming.id, closed: past.id }[phase]]);
    }
    expect((await manager.json<StaffCall>('GET', `/api/calls/${upcoming.id}`)).body.phase).toBe('upcoming');
    expect((await anonymous<PublicCall>(`/api/public/calls/${past.id}`)).body.phase).toBe('closed');
  });
});
