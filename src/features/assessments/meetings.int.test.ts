import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn, unionId, userWith } from '../accesses/access-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE, userIdsByName } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import type { Assessment } from './assessments.schemas.ts';
import type { Meeting, MeetingSummary } from './meetings.schemas.ts';

interface ErrorReply {
  data?: { current?: Meeting };
  details?: { path: string }[];
}

describe('assessment meetings (UVM): record, versioned edits, minutes PDF, access', () => {
  let t: TestApp;
  let worker: Client;
  let worker2: Client;
  let c: CaseDetail;
  let ids: Record<string, string>;
  let meeting: Meeting;

  const url = (suffix = '') => `/api/cases/${c.id}/meetings${suffix}`;
  const input = () => ({
    heldAt: '2026-11-24T10:30:00+01:00',
    place: 'Casa della Salute di Castel Maggiore',
    participants: [
      { kind: 'internal', userId: ids.assistente, role: 'Assistente sociale responsabile del caso' },
      { kind: 'external', name: 'Dott.ssa Laura Monti', role: 'Geriatra', body: 'Ausl Bologna — UVM disabili', present: true },
      { kind: 'external', name: 'Paolo Rinaldi', role: 'Infermiere', body: 'Ausl Bologna', present: false },
    ],
    question: 'Valutare l’accesso al centro diurno e l’assegno di cura.',
    decisions: 'Si propone l’inserimento al centro diurno tre giorni a settimana.',
    followUps: [{ action: 'Contattare il centro diurno', who: 'Assistente sociale', dueOn: '2026-12-05' }],
  });

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    worker2 = await login(t.app, 'assistente2');
    ids = await userIdsByName(t, ['assistente', 'assistente2']);
    c = await aCase(worker, await personsIn(t, CASTEL_MAGGIORE, 2));
  });
  afterAll(() => t.close());

  it('records a meeting with internal and external participants, linked to an assessment version', async () => {
    const assessment = (await worker.json<Assessment>('POST', `/api/cases/${c.id}/assessments`, {})).body;
    const created = await worker.json<Meeting>('POST', url(), { ...input(), assessmentId: assessment.id });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    meeting = created.body;
    expect(meeting).toMatchObject({ version: 1, assessmentNumber: 1, place: 'Casa della Salute di Castel Maggiore' });
    expect(meeting.participants[0]).toMatchObject({ kind: 'internal', userId: ids.assistente, present: true });
    expect(meeting.participants[1]).toMatchObject({ kind: 'external', body: 'Ausl Bologna — UVM disabili' });
    expect(meeting.followUps[0]).toMatchObject({ dueOn: '2026-12-05', done: false });
    expect(new Date(meeting.heldAt).toISOString()).toBe('2026-11-24T09:30:00.000Z');

    const other = await aCase(worker, await personsIn(t, CASTEL_MAGGIORE, 1));
    const foreign = (await worker.json<Assessment>('POST', `/api/cases/${other.id}/assessments`, {})).body;
    const wrong = await worker.json<ErrorReply>('POST', url(), { ...input(), assessmentId: foreign.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details?.[0]?.path).toBe('assessmentId');
    const noParticipants = await worker.json<ErrorReply>('POST', url(), { ...input(), participants: [] });
    expect(noParticipants.status).toBe(400);
  });

  it('an edit keeps the previous version; a stale edit gets 412 with the current meeting', async () => {
    const followUps = [{ action: 'Contattare il centro diurno', who: 'Assistente sociale', dueOn: '2026-12-05', done: true }];
    const edited = await worker.json<Meeting>('PUT', url(`/${meeting.id}`), { ...input(), followUps, version: meeting.version });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.version).toBe(2);
    expect(edited.body.revisions).toHaveLength(1);
    expect(edited.body.revisions[0]).toMatchObject({ version: 1, content: { followUps: [{ done: false }] } });
    const stale = await worker2.json<ErrorReply>('PUT', url(`/${meeting.id}`), { ...input(), decisions: 'Altro', version: meeting.version });
    expect(stale.status).toBe(412);
    expect(stale.body.data?.current).toMatchObject({ id: meeting.id, version: 2, followUps: [{ done: true }] });
    const list = await worker.json<MeetingSummary[]>('GET', url());
    expect(list.body.map((m) => m.id)).toEqual([meeting.id]);
  });

  it('the minutes PDF shows the question and decisions and is logged as print', async () => {
    const before = await caseLogCount(t, c.id, 'print', { recordType: 'case_meeting' });
    const pdf = await worker.request('GET', url(`/${meeting.id}/minutes.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Quesito');
    expect(text).toContain('Valutare l’accesso al centro diurno e l’assegno di cura.');
    expect(text).toContain('Si propone l’inserimento al centro diurno tre giorni a settimana.');
    expect(text).toContain('Ausl Bologna — UVM disabili');
    expect(text).toContain(c.reference);
    expect(await caseLogCount(t, c.id, 'print', { recordType: 'case_meeting' })).toBe(before + 2);
  });

  it('reads are logged with record type case_meeting', async () => {
    const before = await caseLogCount(t, c.id, 'read', { recordType: 'case_meeting' });
    await worker.json('GET', url(`/${meeting.id}`));
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_meeting' })).toBe(before + 2);
  });

  it('an outside social worker, the front desk, provider and official get no meeting content nor PDF', async () => {
    const clients: [string, Client][] = [['outsider', await userWith(t, 'social_worker', 'union', await unionId(t))]];
    for (const username of ['sportello', 'fornitore', 'assessore']) clients.push([username, await login(t.app, username)]);
    for (const [who, client] of clients) {
      for (const [method, path, body] of [
        ['GET', url(), undefined],
        ['GET', url(`/${meeting.id}`), undefined],
        ['GET', url(`/${meeting.id}/minutes.pdf`), undefined],
        ['POST', url(), input()],
        ['PUT', url(`/${meeting.id}`), { ...input(), version: 2 }],
      ] as const) {
        const reply = await client.request(method, path, body);
        expect(reply.statusCode, `${who} ${method} ${path}`).toBe(403);
        expect(reply.body).not.toContain('centro diurno');
      }
    }
  });
});
