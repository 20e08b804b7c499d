import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Client, type TestApp, startTestApp } from '../../../test/support/test-app.ts';
import { BOLOGNA, personsIn, unionId, userWith } from '../accesses/access-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE, userIdsByName } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import type { DiaryEntry, DiaryHistory, DiaryPage } from './case-diary.schemas.ts';
import { clock } from '../../platform/time/clock.ts';

interface ErrorReply {
  message: string;
  messageEn: string;
  data?: { current?: DiaryEntry };
  details?: { path: string; message: string; messageEn: string }[];
}

const minutesAgo = (minutes: number) => new Date(clock.nowMs() - minutes * 60_000).toISOString();

function anEntry(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'interview',
    occurredAt: minutesAgo(90),
    minutes: 45,
    text: 'Colloquio con la signora in sede: riferisce difficoltà nel pagamento dell’affitto.',
    externalParticipants: [{ name: 'dott.ssa Neri', body: 'Ausl — Centro di salute mentale' }],
    ...overrides,
  };
}

describe('case diary: entries, corrections with history, conflicts, who sees what', () => {
  let t: TestApp;
  let owner: Client;
  let colleague: Client;
  let manager: Client;
  let ids: Record<string, string>;
  let c: CaseDetail;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t.app, 'assistente');
    colleague = await login(t.app, 'assistente2');
    manager = await login(t.app, 'responsabile');
    ids = await userIdsByName(t, ['assistente', 'assistente2', 'responsabile']);
    const persons = await personsIn(t, CASTEL_MAGGIORE, 12);
    c = await aCase(owner, [persons[10]!, persons[11]!]);
  });
  afterAll(() => t.close());

  const diaryUrl = () => `/api/cases/${c.id}/diary`;
  const everyEndpoint = (entry: DiaryEntry) =>
    [
      ['GET', diaryUrl(), undefined],
      ['POST', diaryUrl(), anEntry()],
      ['POST', `${diaryUrl()}/${entry.id}/corrections`, { ...anEntry(), version: entry.version, reason: 'Prova di accesso' }],
      ['GET', `${diaryUrl()}/${entry.id}/history`, undefined],
    ] as const;

  it('the owner adds entries; the team lists them newest first, filtered by kind, paged; each read is logged per person', async () => {
    const first = await owner.json<DiaryEntry>('POST', diaryUrl(), anEntry({ occurredAt: minutesAgo(3000), internalParticipantIds: [ids.assistente2] }));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ kind: 'interview', minutes: 45, version: 1, author: { id: ids.assistente }, canCorrect: true, canSeeHistory: true, correctedAt: null });
    expect(first.body.internalParticipants.map((p) => p.id).sort()).toEqual([ids.assistente, ids.assistente2].sort());
    expect(first.body.externalParticipants).toEqual([{ name: 'dott.ssa Neri', body: 'Ausl — Centro di salute mentale' }]);
    const second = await colleague.json<DiaryEntry>('POST', diaryUrl(), anEntry({ kind: 'phone_call', minutes: 10, occurredAt: minutesAgo(60), text: 'Telefonata con il figlio.', externalParticipants: [] }));
    expect(second.status).toBe(200);
    expect(second.body.canCorrect).toBe(true);
    expect(second.body.canSeeHistory).toBe(false);

    // The time feeds the workload: one row per internal participant, the author always among them.
    const time = await t.database.db.selectFrom('case_diary_time').select(['user_id', 'minutes', 'worked_on']).where('entry_id', '=', first.body.id).execute();
    expect(time.map((row) => row.user_id).sort()).toEqual([ids.assistente, ids.assistente2].sort());
    expect(time.every((row) => row.minutes === 45 && /^\d{4}-\d{2}-\d{2}$/.test(row.worked_on))).toBe(true);

    const before = await caseLogCount(t, c.id, 'read', { userId: ids.assistente2, recordType: 'case_diary' });
    const all = await colleague.json<DiaryPage>('GET', diaryUrl());
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.entries.map((e) => e.id)).toEqual([second.body.id, first.body.id]);
    expect(all.body.entries[1]!.canCorrect).toBe(false);
    expect(await caseLogCount(t, c.id, 'read', { userId: ids.assistente2, recordType: 'case_diary' })).toBe(before + 2);

    const calls = await owner.json<DiaryPage>('GET', `${diaryUrl()}?kind=phone_call`);
    expect(calls.body.entries.map((e) => e.id)).toEqual([second.body.id]);
    const paged = await owner.json<DiaryPage>('GET', `${diaryUrl()}?page=2&pageSize=1`);
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.entries.map((e) => e.id)).toEqual([first.body.id]);

    // The case page carries the last entries with no other request, and writes mark case activity.
    const detail = await owner.json<CaseDetail>('GET', `/api/cases/${c.id}`);
    expect(detail.body.recentDiary.map((e) => e.id)).toEqual([second.body.id, first.body.id]);
    expect(Date.parse(detail.body.lastActivityAt)).toBeGreaterThan(Date.parse(c.lastActivityAt));
    expect(await caseLogCount(t, c.id, 'create', { recordType: 'case_diary' })).toBe(4);
  });

  it('a correction keeps the previous version, shown to the owner and the manager but not to another team member', async () => {
    const created = await colleague.json<DiaryEntry>('POST', diaryUrl(), anEntry({ text: 'Visita domiciliare: casa in ordine.', kind: 'home_visit', minutes: 60 }));
    const entry = created.body;
    const corrected = await colleague.json<DiaryEntry>('POST', `${diaryUrl()}/${entry.id}/corrections`, {
      ...anEntry({ text: 'Visita domiciliare: casa in ordine, frigorifero vuoto.', kind: 'home_visit', minutes: 75 }),
      occurredAt: entry.occurredAt,
      version: 1,
      reason: 'Dimenticato un dettaglio rilevante',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toMatchObject({ version: 2, minutes: 75, author: { id: ids.assistente2 }, correctedBy: { id: ids.assistente2 } });
    const time = await t.database.db.selectFrom('case_diary_time').select('minutes').where('entry_id', '=', entry.id).execute();
    expect(time).toEqual([{ minutes: 75 }]);

    for (const [client, who] of [[owner, 'owner'], [manager, 'manager']] as const) {
      const history = await client.json<DiaryHistory>('GET', `${diaryUrl()}/${entry.id}/history`);
      expect(history.status, who).toBe(200);
      expect(history.body.versions.map((v) => [v.version, v.text, v.correctionReason])).toEqual([
        [2, 'Visita domiciliare: casa in ordine, frigorifero vuoto.', 'Dimenticato un dettaglio rilevante'],
        [1, 'Visita domiciliare: casa in ordine.', null],
      ]);
      expect(history.body.versions[1]!.minutes).toBe(60);
    }
    const refused = await colleague.request('GET', `${diaryUrl()}/${entry.id}/history`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('casa in ordine.');
    const listed = await colleague.json<DiaryPage>('GET', diaryUrl());
    expect(listed.body.entries.find((e) => e.id === entry.id)?.text).toBe('Visita domiciliare: casa in ordine, frigorifero vuoto.');
    expect(JSON.stringify(listed.body)).not.toContain('casa in ordine."');

    // The manager corrects too; a team member who is not the author cannot; nothing can delete an entry.
    const byManager = await manager.json<DiaryEntry>('POST', `${diaryUrl()}/${entry.id}/corrections`, { ...anEntry({ kind: 'home_visit' }), version: 2, reason: 'Allineato al verbale' });
    expect(byManager.status).toBe(200);
    const own = await owner.json<DiaryEntry>('POST', diaryUrl(), anEntry());
    const notAuthor = await colleague.json<ErrorReply>('POST', `${diaryUrl()}/${own.body.id}/corrections`, { ...anEntry(), version: 1, reason: 'Non mio' });
    expect(notAuthor.status).toBe(403);
    expect(notAuthor.body.messageEn).toContain('author');
    expect((await owner.request('DELETE', `${diaryUrl()}/${entry.id}`)).statusCode).toBe(404);
  });

  it('a save on a stale version gets 412 with the current entry, and nothing changes', async () => {
    const created = await owner.json<DiaryEntry>('POST', diaryUrl(), anEntry({ text: 'Incontro di rete con la scuola.', kind: 'network_meeting' }));
    const url = `${diaryUrl()}/${created.body.id}/corrections`;
    const firstSave = await manager.json<DiaryEntry>('POST', url, { ...anEntry({ text: 'Incontro di rete con la scuola e il pediatra.', kind: 'network_meeting' }), version: 1, reason: 'Aggiunto il pediatra' });
    expect(firstSave.status).toBe(200);
    const before = await caseLogCount(t, c.id, 'read', { userId: ids.assistente, recordType: 'case_diary' });
    const stale = await owner.json<ErrorReply>('POST', url, { ...anEntry({ text: 'Versione vecchia', kind: 'network_meeting' }), version: 1, reason: 'Correzione concorrente' });
    expect(stale.status).toBe(412);
    expect(stale.body.message).toMatch(/salvato/);
    expect(stale.body.messageEn).toMatch(/saved/);
    expect(stale.body.data?.current).toMatchObject({ id: created.body.id, version: 2, text: 'Incontro di rete con la scuola e il pediatra.' });
    expect(await caseLogCount(t, c.id, 'read', { userId: ids.assistente, recordType: 'case_diary' })).toBe(before + 2);
    const versions = await t.database.db.selectFrom('case_diary_entry_version').select('version').where('entry_id', '=', created.body.id).execute();
    expect(versions).toHaveLength(2);
  });

  it('invalid input is a 400 in Italian and English: future date, minutes 0 or over a day, empty text, unknown colleague', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ occurredAt: new Date(clock.nowMs() + 3_600_000).toISOString() }, 'occurredAt'],
      [{ minutes: 0 }, 'minutes'],
      [{ minutes: 24 * 60 + 1 }, 'minutes'],
      [{ text: '   ' }, 'text'],
      [{ text: 'x'.repeat(8001) }, 'text'],
      [{ kind: 'gossip' }, 'kind'],
      [{ internalParticipantIds: [ids.responsabile, '00000000-0000-4000-8000-000000000000'] }, 'internalParticipantIds'],
    ];
    for (const [change, path] of cases) {
      const reply = await owner.json<ErrorReply>('POST', diaryUrl(), anEntry(change));
      expect(reply.status, path).toBe(400);
      const detail = reply.body.details?.find((d) => d.path.startsWith(path));
      expect(detail, `${path}: ${JSON.stringify(reply.body)}`).toBeDefined();
      expect(detail!.message).not.toBe(detail!.messageEn);
    }
    const entry = (await owner.json<DiaryPage>('GET', diaryUrl())).body.entries[0]!;
    const noReason = await owner.json<ErrorReply>('POST', `${diaryUrl()}/${entry.id}/corrections`, { ...anEntry(), version: entry.version, reason: '' });
    expect(noReason.status).toBe(400);
    const future = await owner.json<ErrorReply>('POST', `${diaryUrl()}/${entry.id}/corrections`, { ...anEntry({ occurredAt: new Date(clock.nowMs() + 86_400_000).toISOString() }), version: entry.version, reason: 'Data sbagliata' });
    expect(future.status).toBe(400);
    expect(future.body.details?.[0]).toMatchObject({ path: 'occurredAt', message: expect.stringContaining('futuro'), messageEn: expect.stringContaining('future') });
  });

  it('a social worker outside the team gets no diary content from any endpoint, and nothing is logged for it', async () => {
    const entry = (await owner.json<DiaryPage>('GET', diaryUrl())).body.entries[0]!;
    const outsider = await userWith(t, 'social_worker', 'union', await unionId(t));
    const elsewhere = await userWith(t, 'social_worker', 'municipality', BOLOGNA);
    for (const [client, status] of [[outsider, 403], [elsewhere, 404]] as const) {
      for (const [method, url, body] of everyEndpoint(entry)) {
        const reply = await client.request(method, url, body);
        expect(reply.statusCode, `${method} ${url}`).toBe(status);
        expect(reply.body).not.toContain(entry.text);
      }
      expect(await caseLogCount(t, c.id, 'read', { userId: client.userId, recordType: 'case_diary' })).toBe(0);
    }
    const detail = await outsider.json<Record<string, unknown>>('GET', `/api/cases/${c.id}`);
    expect(detail.body).not.toHaveProperty('recentDiary');
  });

  it('front desk, provider and official get nothing from the diary', async () => {
    const entry = (await owner.json<DiaryPage>('GET', diaryUrl())).body.entries[0]!;
    for (const username of ['sportello', 'fornitore', 'assessore']) {
      const client = await login(t.app, username);
      for (const [method, url, body] of everyEndpoint(entry)) {
        const reply = await client.request(method, url, body);
        expect(reply.statusCode, `${username} ${method} ${url}`).toBe(403);
        expect(reply.body).not.toContain(entry.text);
      }
    }
    const desk = await login(t.app, 'sportello');
    const seen = await desk.json<Record<string, unknown>>('GET', `/api/cases/${c.id}`);
    expect(seen.body).not.toHaveProperty('recentDiary');
  });

  it('the demo cases carry diary entries, one of them corrected', async () => {
    const demo = await t.database.db
      .selectFrom('case_diary_entry as e')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('e.version').as('top')])
      .where('e.case_id', '!=', c.id)
      .executeTakeFirstOrThrow();
    expect(demo.n).toBeGreaterThan(5);
    expect(demo.top).toBe(2);
  });
});
