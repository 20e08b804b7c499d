import { randomBytes } from 'node:crypto';
import { login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';
import { unionId, userWith } from '../accesses/access-test-kit.ts';

/** Helpers of the case-documents integration tests (never imported by the application). */
export function multipart(fields: Record<string, string>, file?: { filename: string; bytes: Buffer; type?: string }) {
  const boundary = `----trama${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(client: Client, caseId: string, fields: Record<string, string>, file?: { filename: string; bytes: Buffer; type?: string }) {
  const { payload, headers } = multipart(fields, file);
  return client.request('POST', `/api/cases/${caseId}/documents`, payload, headers);
}

export const aPdf = (text = 'Certificato medico di prova') =>
  renderPdf({ title: text, language: 'it', blocks: [{ kind: 'paragraph', text }], footer: { municipality: 'Comune di prova', date: '1 dicembre 2026' } });

/** Access-log rows of one case for one record type and action. */
/** Who may not read a case's content, with the statuses each may get: never content. */
export async function outsidersOfCase(t: TestApp): Promise<[string, Client, number[]][]> {
  return [
    ['outside social worker', await userWith(t, 'social_worker', 'union', await unionId(t)), [403]],
    ['front desk', await login(t.app, 'sportello'), [403, 404]],
    ['provider', await login(t.app, 'fornitore'), [403, 404]],
    ['official', await login(t.app, 'assessore'), [403, 404]],
  ];
}
