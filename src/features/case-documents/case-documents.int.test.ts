import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { personsIn } from '../accesses/access-test-kit.ts';
import { aCase, caseLogCount, CASTEL_MAGGIORE } from '../cases/cases-test-kit.ts';
import type { CaseDetail } from '../cases/cases.schemas.ts';
import { aPdf, outsidersOfCase, upload } from './case-documents-test-kit.ts';
import type { CaseDocument } from './case-documents.schemas.ts';

const MAX_BYTES = 300_000;
const fields = { title: 'Certificato del medico curante', category: 'medical_certificate' };

describe('case documents: upload, download, type by content, size limit, who may read them', () => {
  let t: TestApp;
  let worker: Client;
  let c: CaseDetail;
  let pdf: Buffer;
  let uploaded: CaseDocument;

  beforeAll(async () => {
    t = await startTestApp({ documentMaxBytes: MAX_BYTES });
    worker = await login(t.app, 'assistente');
    c = await aCase(worker, await personsIn(t, CASTEL_MAGGIORE, 2));
    pdf = await aPdf();
  });
  afterAll(() => t.close());

  it('uploads a PDF (kept in the database) and downloads the same bytes as an attachment, each step logged per person', async () => {
    const created = await upload(worker, c.id, fields, { filename: 'certificato è.pdf', bytes: pdf, type: 'application/pdf' });
    expect(created.statusCode, created.body).toBe(200);
    uploaded = created.json<CaseDocument>();
    expect(uploaded).toMatchObject({ title: fields.title, category: 'medical_certificate', mediaType: 'application/pdf', sizeBytes: pdf.length, originalFilename: 'certificato è.pdf', withdrawn: null });
    const row = await t.database.db.selectFrom('case_document').select(['storage', 'content']).where('id', '=', uploaded.id).executeTakeFirstOrThrow();
    expect(row.storage).toBe('database');
    expect(Buffer.compare(Buffer.from(row.content!), pdf)).toBe(0);
    expect(await caseLogCount(t, c.id, 'create', { recordType: 'case_document' })).toBe(2);

    const before = await caseLogCount(t, c.id, 'read', { recordType: 'case_document' });
    const list = await worker.json<CaseDocument[]>('GET', `/api/cases/${c.id}/documents`);
    expect(list.body.map((d) => d.id)).toEqual([uploaded.id]);
    expect(await caseLogCount(t, c.id, 'read', { recordType: 'case_document' })).toBe(before + 2);

    const download = await worker.request('GET', `/api/cases/${c.id}/documents/${uploaded.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="certificato e\.pdf"; filename\*=UTF-8''certificato%20%C3%A8\.pdf$/u);
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
    expect(await caseLogCount(t, c.id, 'export', { recordType: 'case_document' })).toBe(2);
  });

  it('reads the type from the content: an executable renamed .pdf is refused, real images and text are accepted', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200), Buffer.from('PE\0\0')]);
    const fake = await upload(worker, c.id, fields, { filename: 'certificato.pdf', bytes: exe, type: 'application/pdf' });
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('contenuto') as string, messageEn: expect.stringContaining('content') as string });
    const html = await upload(worker, c.id, fields, { filename: 'nota.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
    expect(html.statusCode).toBe(415);

    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const image = await upload(worker, c.id, { title: 'Carta d’identità', category: 'identity_document' }, { filename: 'documento.jpg', bytes: png, type: 'image/jpeg' });
    expect(image.statusCode, image.body).toBe(200);
    expect(image.json<CaseDocument>().mediaType).toBe('image/png');
    const text = await upload(worker, c.id, { title: 'Appunti della telefonata', category: 'correspondence' }, { filename: 'appunti.txt', bytes: Buffer.from('Telefonata con la scuola: tutto bene.\n') });
    expect(text.statusCode, text.body).toBe(200);

    const noFile = await upload(worker, c.id, fields);
    expect(noFile.statusCode).toBe(400);
    const badCategory = await upload(worker, c.id, { title: 'Prova', category: 'secret' }, { filename: 'a.pdf', bytes: pdf });
    expect(badCategory.statusCode).toBe(400);
    const json = await worker.request('POST', `/api/cases/${c.id}/documents`, { title: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('refuses a file over the configured size with 413 and a clear message, and stores nothing', async () => {
    const before = await t.database.db.selectFrom('case_document').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES)]);
    const reply = await upload(worker, c.id, fields, { filename: 'grande.pdf', bytes: big });
    expect(reply.statusCode).toBe(413);
    expect(reply.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('dimensione massima') as string });
    const after = await t.database.db.selectFrom('case_document').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    // Other routes still parse JSON as before.
    expect((await worker.request('POST', '/api/readability', { text: 'Una frase breve.' })).statusCode).toBe(200);
    // The upload form says the configured limit before anyone sends a file.
    expect((await worker.json('GET', '/api/documents/limits')).body).toEqual({ maxBytes: MAX_BYTES });
  });

  it('withdraws a document with a reason: it stays listed and cannot be deleted', async () => {
    const noReason = await worker.json('POST', `/api/cases/${c.id}/documents/${uploaded.id}/withdraw`, { reason: '' });
    expect(noReason.status).toBe(400);
    const withdrawn = await worker.json<CaseDocument>('POST', `/api/cases/${c.id}/documents/${uploaded.id}/withdraw`, { reason: 'Caricato il file sbagliato' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawn).toMatchObject({ reason: 'Caricato il file sbagliato' });
    expect((await worker.json('POST', `/api/cases/${c.id}/documents/${uploaded.id}/withdraw`, { reason: 'Di nuovo' })).status).toBe(409);
    const list = await worker.json<CaseDocument[]>('GET', `/api/cases/${c.id}/documents`);
    expect(list.body.find((d) => d.id === uploaded.id)?.withdrawn?.reason).toBe('Caricato il file sbagliato');
    await expect(t.database.db.deleteFrom('case_document').where('id', '=', uploaded.id).execute()).rejects.toThrow();
  });

  it('the team and the manager read documents; an outside social worker, the front desk, a provider and an official get no list and no bytes', async () => {
    for (const username of ['assistente2', 'responsabile']) {
      const client = await login(t.app, username);
      const download = await client.request('GET', `/api/cases/${c.id}/documents/${uploaded.id}/content`);
      expect(download.statusCode, username).toBe(200);
    }
    const others = await outsidersOfCase(t);
    const exportsBefore = await caseLogCount(t, c.id, 'export', { recordType: 'case_document' });
    for (const [who, client, statuses] of others) {
      const list = await client.request('GET', `/api/cases/${c.id}/documents`);
      expect(statuses, `${who} list`).toContain(list.statusCode);
      expect(list.body).not.toContain(fields.title);
      const bytes = await client.request('GET', `/api/cases/${c.id}/documents/${uploaded.id}/content`);
      expect(statuses, `${who} content`).toContain(bytes.statusCode);
      expect(bytes.headers['content-type']).toMatch(/^application\/json/u);
      expect(bytes.rawPayload.includes(Buffer.from('%PDF'))).toBe(false);
      const sent = await upload(client, c.id, fields, { filename: 'x.pdf', bytes: pdf });
      expect(statuses, `${who} upload`).toContain(sent.statusCode);
    }
    expect(await caseLogCount(t, c.id, 'export', { recordType: 'case_document' })).toBe(exportsBefore);
  });

  it('a document of another case is not found through this case', async () => {
    const other = await aCase(worker, await personsIn(t, CASTEL_MAGGIORE, 1));
    const reply = await worker.request('GET', `/api/cases/${other.id}/documents/${uploaded.id}/content`);
    expect(reply.statusCode).toBe(404);
  });
});

describe('case documents in a folder (TRAMA_DOCUMENTS_DIR)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-documents-'));
    t = await startTestApp({ documentsDir: dir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the bytes in a file named by the document id, serves them back, and refuses a file changed on disk', async () => {
    const worker = await login(t.app, 'assistente');
    const c = await aCase(worker, await personsIn(t, CASTEL_MAGGIORE, 1));
    const pdf = await aPdf('Decreto del tribunale');
    const created = await upload(worker, c.id, { title: 'Decreto del tribunale', category: 'court_order' }, { filename: '../../etc/passwd.pdf', bytes: pdf });
    expect(created.statusCode, created.body).toBe(200);
    const document = created.json<CaseDocument>();
    expect(document.originalFilename).toBe('passwd.pdf');
    expect(fs.readdirSync(dir)).toEqual([document.id]);
    const row = await t.database.db.selectFrom('case_document').select(['storage', 'content', 'sha256']).where('id', '=', document.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ storage: 'folder', content: null });
    expect(Buffer.compare(fs.readFileSync(path.join(dir, document.id)), pdf)).toBe(0);

    const download = await worker.request('GET', `/api/cases/${c.id}/documents/${document.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);

    fs.writeFileSync(path.join(dir, document.id), Buffer.concat([pdf, Buffer.from('x')]));
    const tampered = await worker.request('GET', `/api/cases/${c.id}/documents/${document.id}/content`);
    expect(tampered.statusCode).toBe(500);
    expect(tampered.rawPayload.includes(Buffer.from('%PDF'))).toBe(false);

    // A document kept in the database before the folder was configured is still served from there.
    const older = await t.database.db.selectFrom('case_document').select('uploaded_by').where('id', '=', document.id).executeTakeFirstOrThrow();
    const olderId = crypto.randomUUID();
    await t.database.db
      .insertInto('case_document')
      .values({ id: olderId, case_id: c.id, municipality_code: CASTEL_MAGGIORE, title: 'Documento precedente', category: 'other', original_filename: 'vecchio.pdf', media_type: 'application/pdf', size_bytes: pdf.length, sha256: row.sha256, storage: 'database', content: pdf, uploaded_by: older.uploaded_by })
      .execute();
    const fromDatabase = await worker.request('GET', `/api/cases/${c.id}/documents/${olderId}/content`);
    expect(fromDatabase.statusCode).toBe(200);
    expect(Buffer.compare(fromDatabase.rawPayload, pdf)).toBe(0);
  });
});
