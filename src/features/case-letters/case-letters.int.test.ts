import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { readability } from '../../platform/documents/gulpease.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import { outsidersOfCase } from '../case-documents/case-documents-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import type { CaseLetter } from './case-letters.schemas.ts';

const HARD_BODY =
  'Con la presente si comunica che, ai sensi della normativa vigente in materia di interventi e servizi sociali e in considerazione della documentazione amministrativa prodotta, la Sua istanza di contributo economico straordinario risulta attualmente sottoposta a istruttoria procedimentale approfondita.';

describe('case letters: drafts from templates, sending, PDF, who may read them', () => {
  let t: TestApp;
  let worker: Client;
  let c: CaseDetail;
  let templateId: string;
  let beneficiary: { given_name: string; family_name: string };

  beforeAll(async () => {
    t = await startTestApp();
    worker = await login(t.app, 'assistente');
    const persons = await personsIn(t, CASTEL_MAGGIORE, 2);
    c = await aCase(worker, persons);
    beneficiary = await t.database.db.selectFrom('person').select(['given_name', 'family_name']).where('id', '=', persons[0]!).executeTakeFirstOrThrow();
    const template = await t.database.db.selectFrom('letter_template').select('id').where('name', '=', 'Convocazione a colloquio').executeTakeFirstOrThrow();
    templateId = template.id;
  });
  afterAll(() => t.close());

  const newDraft = async () => {
    const created = await worker.json<CaseLetter>('POST', `/api/cases/${c.id}/letters`, { templateId });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body;
  };

  it('a new letter is pre-filled with the beneficiary, the reference, the worker and the municipality; creation is logged', async () => {
    const letter = await newDraft();
    const fullName = `${beneficiary.given_name} ${beneficiary.family_name}`;
    expect(letter).toMatchObject({ status: 'draft', version: 1, language: 'it', subject: 'Invito a un colloquio', recipient: { fullName }, gulpeaseAtSending: null });
    expect(letter.body).toContain(`Gentile ${fullName},`);
    expect(letter.body).toContain(c.reference);
    expect(letter.body).toContain(c.owner.displayName);
    expect(letter.body).toContain('Comune di Castel Maggiore');
    expect(letter.body).not.toContain('{{');
    expect(await caseLogCount(t, c.id, 'create', { recordType: 'case_letter' })).toBe(2);
    const unknownTemplate = await worker.json('POST', `/api/cases/${c.id}/letters`, { templateId: c.id });
    expect(unknownTemplate.status).toBe(404);
  });

  it('a stale draft save gets 412 with the current letter, never a silent overwrite', async () => {
    const letter = await newDraft();
    const first = await worker.json<CaseLetter>('PUT', `/api/cases/${c.id}/letters/${letter.id}`, { subject: 'Primo oggetto', body: `${letter.body}\n\nPrima modifica.`, version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const colleague = await login(t.app, 'assistente2');
    const stale = await colleague.json<{ code: string; data: { current: CaseLetter } }>('PUT', `/api/cases/${c.id}/letters/${letter.id}`, {
      subject: 'Secondo oggetto',
      body: `${letter.body}\n\nSeconda modifica.`,
      version: 1,
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.data.current).toMatchObject({ subject: 'Primo oggetto', version: 2 });
    const read = await worker.json<CaseLetter>('GET', `/api/cases/${c.id}/letters/${letter.id}`);
    expect(read.body.subject).toBe('Primo oggetto');
  });

  it('sending stores the date, who and the Gulpease index; a sent letter is immutable', async () => {
    const letter = await newDraft();
    const saved = await worker.json<CaseLetter>('PUT', `/api/cases/${c.id}/letters/${letter.id}`, { subject: 'Comunicazione sulla sua domanda', body: HARD_BODY, version: 1 });
    expect(saved.status).toBe(200);
    const sent = await worker.json<CaseLetter>('POST', `/api/cases/${c.id}/letters/${letter.id}/send`, { version: saved.body.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const expected = readability(HARD_BODY).index;
    expect(expected).toBeLessThan(60);
    expect(sent.body).toMatchObject({ status: 'sent', gulpeaseAtSending: expected, sentBy: { displayName: c.owner.displayName } });
    expect(sent.body.sentAt).not.toBeNull();

    const edit = await worker.json('PUT', `/api/cases/${c.id}/letters/${letter.id}`, { subject: 'Altro', body: 'Testo cambiato dopo l’invio.', version: sent.body.version });
    expect(edit.status).toBe(409);
    const again = await worker.json('POST', `/api/cases/${c.id}/letters/${letter.id}/send`, { version: sent.body.version });
    expect(again.status).toBe(409);
    await expect(t.database.db.updateTable('case_letter').set({ body: 'manomesso' }).where('id', '=', letter.id).execute()).rejects.toThrow();
    const read = await worker.json<CaseLetter>('GET', `/api/cases/${c.id}/letters/${letter.id}`);
    expect(read.body.body).toBe(HARD_BODY);
  });

  it('prints the letter to a PDF with the person’s name and the text, logged as a print', async () => {
    const letter = await newDraft();
    const before = await caseLogCount(t, c.id, 'print', { recordType: 'case_letter' });
    const reply = await worker.request('GET', `/api/cases/${c.id}/letters/${letter.id}/pdf`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    const pdf = reply.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(`${beneficiary.given_name} ${beneficiary.family_name}`);
    expect(text).toContain('Invito a un colloquio');
    expect(text).toContain('Porti un documento di identità.');
    expect(text).toContain('BOZZA');
    expect(pdf.toString('latin1')).toContain('/Lang (it-IT)');
    expect(await caseLogCount(t, c.id, 'print', { recordType: 'case_letter' })).toBe(before + 2);
  });

  it('an outside social worker, the front desk, a provider and an official get no letters, no PDF and cannot write', async () => {
    const letter = await newDraft();
    const others = await outsidersOfCase(t);
    const printsBefore = await caseLogCount(t, c.id, 'print', { recordType: 'case_letter' });
    const readsBefore = await caseLogCount(t, c.id, 'read', { recordType: 'case_letter' });
    for (const [who, client, statuses] of others) {
      for (const [method, url, body] of [
        ['GET', `/api/cases/${c.id}/letters`, undefined],
        ['GET', `/api/cases/${c.id}/letters/${letter.id}`, undefined],
        ['GET', `/api/cases/${c.id}/letters/${letter.id}/pdf`, undefined],
        ['POST', `/api/cases/${c.id}/letters`, { templateId }],
        ['PUT', `/api/cases/${c.id}/letters/${letter.id}`, { subject: 'Intruso', body: 'Testo scritto da chi non può.', version: 1 }],
        ['POST', `/api/cases/${c.id}/letters/${letter.id}/send`, { version: 1 }],
      ] as const) {
        const reply = await client.request(method, url, body);
        expect(statuses, `${who} ${method} ${url}`).toContain(reply.statusCode);
        expect(reply.body).not.toContain(beneficiary.family_name);
        expect(reply.rawPayload.includes(Buffer.from('%PDF'))).toBe(false);
      }
    }
    expect(await caseLogCount(t, c.id, 'print', { recordType: 'case_letter' })).toBe(printsBefore);
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_letter' })).toBe(readsBefore);
    const read = await worker.json<CaseLetter>('GET', `/api/cases/${c.id}/letters/${letter.id}`);
    expect(read.body.version).toBe(1);
  });

  it('lists the letters of the case for the team, logged as a read per person', async () => {
    const before = await caseLogCount(t, c.id, 'read', { recordType: 'case_letter' });
    const list = await (await login(t.app, 'responsabile')).json<CaseLetter[]>('GET', `/api/cases/${c.id}/letters`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThanOrEqual(4);
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_letter' })).toBe(before + 2);
  });
});
