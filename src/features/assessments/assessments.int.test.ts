import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn, unionId, userWith } from '../accesses/access-test-kit.ts';
import type { AssessmentDimension } from '../case-settings/case-settings.schemas.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import type { Assessment, AssessmentSummary, SinaOption } from './assessments.schemas.ts';
import { clock } from '../../platform/time/clock.ts';

interface ErrorReply {
  message: string;
  data?: { current?: Assessment };
  details?: { path: string; message: string }[];
}

const preliminary = { request: 'Aiuto per l’igiene personale', needs: 'Assistenza domiciliare', resources: 'Figlia presente nel fine settimana', notes: '', inDepthNeeded: true };

describe('multidimensional assessment: versions, intensity, SINA, conflicts, access', () => {
  let t: TestApp;
  let worker: Client;
  let worker2: Client;
  let manager: Client;
  let c: CaseDetail;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    worker2 = await login(t.app, 'assistente2');
    manager = await login(t.app, 'responsabile');
    c = await aCase(worker, await personsIn(t, CASTEL_MAGGIORE, 2));
  });
  afterAll(() => t.close());

  const url = (suffix = '') => `/api/cases/${c.id}/assessments${suffix}`;
  const scoresOf = (a: Assessment, score: number) => a.dimensions.map((d) => ({ code: d.code, score, notes: `Note ${d.code}` }));

  it('a draft is saved, completed, then read-only; a new version never overwrites the old one', async () => {
    const created = await worker.json<Assessment>('POST', url(), {});
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const draft = created.body;
    expect(draft).toMatchObject({ number: 1, status: 'draft', proposedIntensity: null });
    expect(draft.dimensions.map((d) => d.code)).toEqual(expect.arrayContaining(['HEALTH', 'HOUSING', 'NETWORK']));

    const saved = await worker.json<Assessment>('PUT', url(`/${draft.id}`), { version: draft.version, preliminary, dimensions: scoresOf(draft, 2) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: draft.version + 1, proposedIntensity: 'medium', preliminary });

    expect((await worker.json<ErrorReply>('POST', url(), {})).status).toBe(409);

    const done = await worker.json<Assessment>('POST', url(`/${draft.id}/complete`), { version: saved.body.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', intensity: 'medium' });
    expect(done.body.completedBy?.displayName).toBeTruthy();

    const change = await worker.json<ErrorReply>('PUT', url(`/${draft.id}`), { version: done.body.version, preliminary, dimensions: scoresOf(draft, 4) });
    expect(change.status).toBe(409);
    await expect(t.database.db.updateTable('case_assessment').set({ intensity: 'low' }).where('id', '=', draft.id).execute()).rejects.toThrow();
    await expect(t.database.db.deleteFrom('case_assessment').where('id', '=', draft.id).execute()).rejects.toThrow();

    const second = await worker.json<Assessment>('POST', url(), {});
    expect(second.body).toMatchObject({ number: 2, status: 'draft', preliminary, proposedIntensity: 'medium' });
    await worker.json('PUT', url(`/${second.body.id}`), { version: second.body.version, preliminary, dimensions: scoresOf(second.body, 3) });

    const list = await worker.json<AssessmentSummary[]>('GET', url());
    expect(list.body.map((a) => [a.number, a.status])).toEqual([[2, 'draft'], [1, 'completed']]);
    const first = await worker.json<Assessment>('GET', url(`/${draft.id}`));
    expect(first.body.dimensions.every((d) => d.score === 2)).toBe(true);
    expect(first.body.intensity).toBe('medium');
  });

  it('a stale draft save gets 412 with the current version; the intensity override needs a reason', async () => {
    const list = await worker.json<AssessmentSummary[]>('GET', url());
    const draft = (await worker.json<Assessment>('GET', url(`/${list.body[0]!.id}`))).body;
    expect(draft.proposedIntensity).toBe('high');
    const mine = await worker.json<Assessment>('PUT', url(`/${draft.id}`), { version: draft.version, preliminary, dimensions: scoresOf(draft, 3), intensity: 'high' });
    expect(mine.status).toBe(200);
    const theirs = await worker2.json<ErrorReply>('PUT', url(`/${draft.id}`), { version: draft.version, preliminary: { ...preliminary, notes: 'Sovrascrivo' }, dimensions: [] });
    expect(theirs.status).toBe(412);
    expect(theirs.body.data?.current).toMatchObject({ id: draft.id, version: mine.body.version, intensity: 'high' });

    const noReason = await worker.json<ErrorReply>('PUT', url(`/${draft.id}`), { version: mine.body.version, preliminary, dimensions: scoresOf(draft, 3), intensity: 'very_high' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details?.[0]?.path).toBe('intensityReason');
    const reasoned = await worker.json<Assessment>('PUT', url(`/${draft.id}`), {
      version: mine.body.version,
      preliminary,
      dimensions: scoresOf(draft, 3),
      intensity: 'very_high',
      intensityReason: 'Caregiver in ospedale da domani',
    });
    expect(reasoned.status).toBe(200);
    expect(reasoned.body).toMatchObject({ proposedIntensity: 'high', intensity: 'very_high', intensityReason: 'Caregiver in ospedale da domani' });

    const outOfScale = await worker.json<ErrorReply>('PUT', url(`/${draft.id}`), { version: reasoned.body.version, preliminary, dimensions: [{ code: 'HEALTH', score: 9, notes: '' }] });
    expect(outOfScale.status).toBe(400);
    expect(outOfScale.body.details?.[0]?.path).toBe('dimensions.HEALTH');
  });

  it('SINA codes are checked against the SIUSS CSV; required fields when completing', async () => {
    const options = await worker.json<SinaOption[]>('GET', '/api/assessments/sina-options');
    const mobility = options.body.find((o) => o.field === 'Mobilita');
    expect(mobility?.codes).toContainEqual({ code: '2', it: 'Si Sposta Assistito', en: 'Moves with assistance' });
    expect(options.body.find((o) => o.field === 'InvCiv')?.codes).toHaveLength(8);

    const list = await worker.json<AssessmentSummary[]>('GET', url());
    const draft = (await worker.json<Assessment>('GET', url(`/${list.body[0]!.id}`))).body;
    const base = { version: draft.version, preliminary, dimensions: scoresOf(draft, 2) };
    const unknown = await worker.json<ErrorReply>('PUT', url(`/${draft.id}`), { ...base, sina: { Mobilita: '7' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details?.[0]?.path).toBe('sina.Mobilita');
    expect(unknown.body.details?.[0]?.message).toContain('«7»');
    const badInv = await worker.json<ErrorReply>('PUT', url(`/${draft.id}`), { ...base, sina: { Mobilita: '1', InvCiv: ['2', '9'] } });
    expect(badInv.body.details?.[0]?.path).toBe('sina.InvCiv');

    const partial = await worker.json<Assessment>('PUT', url(`/${draft.id}`), { ...base, sina: { Mobilita: '2', InvCiv: ['2', '6'] } });
    expect(partial.status, JSON.stringify(partial.body)).toBe(200);
    const incomplete = await worker.json<ErrorReply>('POST', url(`/${draft.id}/complete`), { version: partial.body.version });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.details?.[0]?.path).toBe('sina.AttivitaVitaQuotidiana');

    const sina = {
      Mobilita: '2',
      AttivitaVitaQuotidiana: '2',
      DisturbiComportamentali: '1',
      AreaReddituale: '2',
      AreaSupporto: '2',
      FonteDerivazioneValutazione: '1',
      StrumentoValutazione: '1',
      InvCiv: ['2'],
      FonteDerivazioneInvalidita: '1',
      DataValutazione: '2026-11-20',
    };
    const full = await worker.json<Assessment>('PUT', url(`/${draft.id}`), { ...base, version: partial.body.version, sina });
    expect(full.status).toBe(200);
    const done = await worker.json<Assessment>('POST', url(`/${draft.id}/complete`), { version: full.body.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.sina).toMatchObject(sina);
  });

  it('the dimensions of a version survive a later configuration change', async () => {
    const code = `T${clock.nowMs().toString(36).toUpperCase()}`;
    const made = await manager.json<AssessmentDimension>('POST', '/api/case-settings/assessment-dimensions', {
      code, nameIt: 'Dimensione di prova', nameEn: 'Test dimension', scaleMin: 1, scaleMax: 4, sortOrder: 9000,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    try {
      const draft = (await worker.json<Assessment>('POST', url(), { copyLatest: false })).body;
      expect(draft.dimensions.find((d) => d.code === code)).toMatchObject({ nameIt: 'Dimensione di prova', scaleMax: 4 });
      const changed = await manager.json('PUT', `/api/case-settings/assessment-dimensions/${made.body.id}`, {
        nameIt: 'Nome cambiato', nameEn: 'Renamed', scaleMin: 0, scaleMax: 10, sortOrder: 9000, isActive: true,
      });
      expect(changed.status).toBe(200);
      const saved = await worker.json<Assessment>('PUT', url(`/${draft.id}`), { version: draft.version, preliminary, dimensions: [{ code, score: 4, notes: 'Grave' }] });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const again = await worker.json<Assessment>('GET', url(`/${draft.id}`));
      expect(again.body.dimensions.find((d) => d.code === code)).toMatchObject({ nameIt: 'Dimensione di prova', nameEn: 'Test dimension', scaleMin: 1, scaleMax: 4, score: 4 });
      const tooHigh = await worker.json<ErrorReply>('PUT', url(`/${draft.id}`), { version: saved.body.version, preliminary, dimensions: [{ code, score: 8, notes: '' }] });
      expect(tooHigh.status).toBe(400);
    } finally {
      await manager.json('PUT', `/api/case-settings/assessment-dimensions/${made.body.id}`, { nameIt: 'Nome cambiato', nameEn: 'Renamed', scaleMin: 0, scaleMax: 10, isActive: false });
    }
  });

  it('reads are logged with record type case_assessment', async () => {
    const before = await caseLogCount(t, c.id, 'read', { recordType: 'case_assessment' });
    await manager.json('GET', url());
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_assessment' })).toBe(before + 2);
    expect(await caseLogCount(t, c.id, 'create', { recordType: 'case_assessment' })).toBeGreaterThan(0);
  });

  it('an outside social worker, the front desk, provider and official get no assessment content', async () => {
    const list = await worker.json<AssessmentSummary[]>('GET', url());
    const id = list.body[0]!.id;
    const outsider = await userWith(t, 'social_worker', 'union', await unionId(t));
    const clients: [string, Client][] = [['outsider', outsider]];
    for (const username of ['sportello', 'fornitore', 'assessore']) clients.push([username, await login(t.app, username)]);
    for (const [who, client] of clients) {
      for (const [method, path, body] of [
        ['GET', url(), undefined],
        ['GET', url(`/${id}`), undefined],
        ['POST', url(), {}],
        ['PUT', url(`/${id}`), { version: 1, preliminary, dimensions: [] }],
      ] as const) {
        const reply = await client.request(method, path, body);
        expect(reply.statusCode, `${who} ${method} ${path}`).toBe(403);
        expect(reply.body).not.toContain('igiene');
      }
    }
  });
});
