import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import { aPdf, outsidersOfCase, upload } from '../case-documents/case-documents-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import type { Referral } from './referrals.schemas.ts';
import { dayInRome } from '../../platform/time/rome.ts';


describe('referrals to specialist services: documents, status rules, versions, PDF, who may read them', () => {
  let t: TestApp;
  let worker: Client;
  let c: CaseDetail;
  let other: CaseDetail;
  let docId: string;
  let otherDocId: string;
  let withdrawnDocId: string;
  let familyName: string;

  const anUpload = async (caseId: string, title: string) => {
    const reply = await upload(worker, caseId, { title, category: 'medical_certificate' }, { filename: 'c.pdf', bytes: await aPdf(title), type: 'application/pdf' });
    expect(reply.statusCode, reply.body).toBe(200);
    return (JSON.parse(reply.body) as { id: string }).id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    const persons = await personsIn(t, CASTEL_MAGGIORE, 3);
    c = await aCase(worker, [persons[0]!]);
    other = await aCase(worker, [persons[1]!]);
    familyName = (await t.database.db.selectFrom('person').select('family_name').where('id', '=', persons[0]!).executeTakeFirstOrThrow()).family_name;
    docId = await anUpload(c.id, 'Relazione del pediatra');
    otherDocId = await anUpload(other.id, 'Documento di un altro caso');
    withdrawnDocId = await anUpload(c.id, 'Certificato ritirato');
    const withdrawn = await worker.json('POST', `/api/cases/${c.id}/documents/${withdrawnDocId}/withdraw`, { reason: 'Caricato per errore' });
    expect(withdrawn.status).toBe(200);
  });
  afterAll(() => t.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    service: 'minors_protection',
    contactName: 'Équipe tutela minori del Distretto Pianura Est',
    reason: 'Segnalazione della scuola su assenze ripetute e segni di trascuratezza.',
    question: 'Si chiede una valutazione congiunta della situazione familiare.',
    urgency: 'urgent',
    documentIds: [docId],
    ...extra,
  });
  const newReferral = async () => {
    const created = await worker.json<Referral>('POST', `/api/cases/${c.id}/referrals`, body());
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body;
  };
  const move = (r: Pick<Referral, 'id' | 'version'>, to: string, extra: Record<string, unknown> = {}) =>
    worker.json<Referral>('POST', `/api/cases/${c.id}/referrals/${r.id}/status`, { to, on: dayInRome(), version: r.version, ...extra });

  it('creates a draft with a document of the case; creation logged per person', async () => {
    const r = await newReferral();
    expect(r).toMatchObject({ status: 'draft', version: 1, service: 'minors_protection', urgency: 'urgent', documents: [{ id: docId, title: 'Relazione del pediatra', withdrawn: false }] });
    expect(await caseLogCount(t, c.id, 'create', { recordType: 'case_referral' })).toBeGreaterThanOrEqual(1);
  });

  it('refuses documents of another case and withdrawn documents, and "other" without a name', async () => {
    for (const ids of [[otherDocId], [withdrawnDocId], [docId, otherDocId]]) {
      const reply = await worker.json('POST', `/api/cases/${c.id}/referrals`, body({ documentIds: ids }));
      expect(reply.status).toBe(400);
      expect(JSON.stringify(reply.body)).toContain('documentIds');
    }
    const [anyReferral] = await t.database.db.selectFrom('case_referral').select('id').where('case_id', '=', c.id).execute();
    await expect(t.database.db.insertInto('case_referral_document').values({ referral_id: anyReferral!.id, document_id: otherDocId }).execute()).rejects.toThrow(/own case/);
    const noName = await worker.json('POST', `/api/cases/${c.id}/referrals`, body({ service: 'other' }));
    expect(noName.status).toBe(400);
    const named = await worker.json<Referral>('POST', `/api/cases/${c.id}/referrals`, body({ service: 'other', serviceName: 'Associazione antiviolenza', documentIds: [] }));
    expect(named.body).toMatchObject({ service: 'other', serviceName: 'Associazione antiviolenza' });
  });

  it('follows draft → sent → acknowledged → answered with dated transitions; illegal transitions are refused', async () => {
    let r = await newReferral();
    const skip = await move(r, 'answered', { answerText: 'Presa in carico', answerOutcome: 'taken_in_charge' });
    expect(skip.status).toBe(409);
    const sent = await move(r, 'sent');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    r = sent.body;
    expect(r).toMatchObject({ status: 'sent', sentOn: dayInRome(), sentBy: { displayName: c.owner.displayName } });
    const edit = await worker.json('PUT', `/api/cases/${c.id}/referrals/${r.id}`, { ...body(), version: r.version });
    expect(edit.status).toBe(409);
    r = (await move(r, 'acknowledged')).body;
    const noAnswer = await move(r, 'answered');
    expect(noAnswer.status).toBe(400);
    const future = await move(r, 'answered', { on: '2999-01-01', answerText: 'x', answerOutcome: 'other' });
    expect(future.status).toBe(400);
    const answered = await move(r, 'answered', { answerText: 'Il servizio prende in carico il minore; primo colloquio fissato.', answerOutcome: 'taken_in_charge' });
    expect(answered.status).toBe(200);
    r = answered.body;
    expect(r.answer).toEqual({ on: dayInRome(), text: 'Il servizio prende in carico il minore; primo colloquio fissato.', outcome: 'taken_in_charge' });
    expect(r.history.map((h) => `${h.from}>${h.to}`)).toEqual(['draft>sent', 'sent>acknowledged', 'acknowledged>answered']);
    for (const to of ['withdrawn', 'sent', 'draft', 'refused']) expect((await move(r, to, { answerText: 'x' })).status).toBe(409);
    const refusedOne = (await move(await newReferral(), 'sent')).body;
    expect((await move(refusedOne, 'refused')).status).toBe(400);
    expect((await move(refusedOne, 'refused', { answerText: 'Non di nostra competenza.' })).body.status).toBe('refused');
  });

  it('a stale save gets 412 with the current referral', async () => {
    const r = await newReferral();
    const first = await worker.json<Referral>('PUT', `/api/cases/${c.id}/referrals/${r.id}`, { ...body({ question: 'Prima versione del quesito.' }), version: 1 });
    expect(first.status).toBe(200);
    const stale = await (await login(t.app, 'assistente2')).json<{ code: string; data: { current: Referral } }>('PUT', `/api/cases/${c.id}/referrals/${r.id}`, { ...body({ question: 'Seconda.' }), version: 1 });
    expect(stale.status).toBe(412);
    expect(stale.body.data.current).toMatchObject({ question: 'Prima versione del quesito.', version: 2 });
    expect((await move(r, 'sent')).status).toBe(412);
  });

  it('prints the referral letter with the person, the reason and the attached documents; logged as a print', async () => {
    const r = await newReferral();
    const before = await caseLogCount(t, c.id, 'print', { recordType: 'case_referral' });
    const reply = await worker.request('GET', `/api/cases/${c.id}/referrals/${r.id}/pdf`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    const text = pdfText(reply.rawPayload);
    expect(text).toContain(familyName);
    expect(text).toContain('Segnalazione della scuola su assenze ripetute');
    expect(text).toContain('Relazione del pediatra');
    expect(text).toContain('Servizio tutela minori');
    expect(await caseLogCount(t, c.id, 'print', { recordType: 'case_referral' })).toBe(before + 1);
  });

  it('outsiders get no referral, no PDF and cannot write; reads are logged for the team', async () => {
    const r = await newReferral();
    const readsBefore = await caseLogCount(t, c.id, 'read', { recordType: 'case_referral' });
    for (const [who, client, statuses] of [...(await outsidersOfCase(t)), ['clerk', await login(t.app, 'amministrativo'), [403, 404]] as const]) {
      for (const [method, url, payload] of [
        ['GET', `/api/cases/${c.id}/referrals`, undefined],
        ['GET', `/api/cases/${c.id}/referrals/${r.id}`, undefined],
        ['GET', `/api/cases/${c.id}/referrals/${r.id}/pdf`, undefined],
        ['POST', `/api/cases/${c.id}/referrals`, body()],
        ['PUT', `/api/cases/${c.id}/referrals/${r.id}`, { ...body(), version: 1 }],
        ['POST', `/api/cases/${c.id}/referrals/${r.id}/status`, { to: 'sent', on: dayInRome(), version: 1 }],
      ] as const) {
        const reply = await client.request(method, url, payload);
        expect(statuses, `${who} ${method} ${url}`).toContain(reply.statusCode);
        expect(reply.body).not.toContain(familyName);
        expect(reply.body).not.toContain('Relazione del pediatra');
      }
    }
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_referral' })).toBe(readsBefore);
    const list = await (await login(t.app, 'responsabile')).json<Referral[]>('GET', `/api/cases/${c.id}/referrals`);
    expect(list.status).toBe(200);
    expect(list.body.find((x) => x.id === r.id)?.version).toBe(1);
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_referral' })).toBe(readsBefore + 1);
  });
});
