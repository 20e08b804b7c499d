import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { toFieldIssues } from '../../platform/http/validation-messages.ts';
import { touchCaseActivity, withCaseContent } from '../cases/case-access.ts';
import { DocumentFields, type CaseDocument } from './case-documents.schemas.ts';
import { detectDocumentType } from './document-type.ts';
import { sha256, type DocumentStorage } from './document-storage.ts';
import './case-documents.tables.ts';
import '../users/users.tables.ts';
import { clock } from '../../platform/time/clock.ts';

export const DOCUMENT_RECORD = 'case_document';

const documentNotFound = () => notFound({ it: 'Documento non trovato in questo caso.', en: 'Document not found in this case.' });

const refusedType = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', {
    message: {
      it: 'Tipo di file non ammesso: si possono allegare PDF, immagini (JPEG, PNG, TIFF), documenti Word, Excel, OpenDocument e testo. Il tipo è riconosciuto dal contenuto del file, non dal nome.',
      en: 'File type not allowed: you can attach PDF, images (JPEG, PNG, TIFF), Word, Excel, OpenDocument and text files. The type is recognised from the file content, not its name.',
    },
  });

const mib = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString('it-IT', { maximumFractionDigits: 1 });

export const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', {
    message: {
      it: `Il file supera la dimensione massima di ${mib(maxBytes)} MiB: ridurlo (ad esempio scansionando a risoluzione più bassa) o dividerlo.`,
      en: `The file is larger than the maximum of ${mib(maxBytes).replace(',', '.')} MiB: make it smaller (e.g. scan at a lower resolution) or split it.`,
    },
  });

type Row = {
  id: string;
  case_id: string;
  title: string;
  category: CaseDocument['category'];
  original_filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: string;
  uploaded_by: string;
  uploader_name: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawer_name: string | null;
  withdrawal_reason: string | null;
};

function toDocument(row: Row): CaseDocument {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    category: row.category,
    originalFilename: row.original_filename,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
    uploadedBy: { id: row.uploaded_by, displayName: row.uploader_name },
    withdrawn:
      row.withdrawn_at && row.withdrawn_by
        ? { at: row.withdrawn_at, by: { id: row.withdrawn_by, displayName: row.withdrawer_name ?? '' }, reason: row.withdrawal_reason ?? '' }
        : null,
  };
}

function selectDocuments(trx: Db, caseId: string) {
  return trx
    .selectFrom('case_document as d')
    .innerJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .leftJoin('app_user as w', 'w.id', 'd.withdrawn_by')
    .select([
      'd.id', 'd.case_id', 'd.title', 'd.category', 'd.original_filename', 'd.media_type', 'd.size_bytes', 'd.sha256', 'd.uploaded_at', 'd.uploaded_by',
      'u.display_name as uploader_name', 'd.withdrawn_at', 'd.withdrawn_by', 'w.display_name as withdrawer_name', 'd.withdrawal_reason',
    ])
    .where('d.case_id', '=', caseId);
}

async function getDocument(trx: Db, caseId: string, documentId: string): Promise<CaseDocument> {
  const row = await selectDocuments(trx, caseId).where('d.id', '=', documentId).executeTakeFirst();
  if (!row) throw documentNotFound();
  return toDocument(row);
}

export async function listDocuments(db: Db, actor: Actor, caseId: string): Promise<CaseDocument[]> {
  return withCaseContent(db, actor, caseId, { action: 'read', recordType: DOCUMENT_RECORD }, async (trx) =>
    (await selectDocuments(trx, caseId).orderBy('d.uploaded_at', 'desc').orderBy('d.id').execute()).map(toDocument),
  );
}

export interface Upload {
  fields: Record<string, string>;
  filename: string;
  bytes: Buffer;
}

export function parseFields(fields: Record<string, string>): DocumentFields {
  const parsed = DocumentFields.safeParse(fields);
  if (!parsed.success) throw new AppError('VALIDATION', { details: toFieldIssues(parsed.error.issues, '') });
  return parsed.data;
}

/** Attaches a file to a case: its type read from its content, its bytes in the configured storage. */
export async function uploadDocument(db: Db, storage: DocumentStorage, actor: Actor, caseId: string, upload: Upload): Promise<CaseDocument> {
  const fields = parseFields(upload.fields);
  const filename = upload.filename.replace(/^.*[\\/]/u, '').trim().slice(0, 255) || 'documento';
  const id = randomUUID();
  try {
    return await withCaseContent(db, actor, caseId, { action: 'create', recordType: DOCUMENT_RECORD }, async (trx, record) => {
      if (upload.bytes.length === 0) throw new AppError('VALIDATION', { details: [{ path: 'file', message: 'Il file è vuoto.', messageEn: 'The file is empty.' }] });
      const type = await detectDocumentType(upload.bytes, filename);
      if (!type) throw refusedType();
      const content = await storage.put(id, upload.bytes);
      await trx
        .insertInto('case_document')
        .values({
          id,
          case_id: caseId,
          municipality_code: record.municipality_code,
          title: fields.title,
          category: fields.category,
          original_filename: filename,
          media_type: type.mediaType,
          size_bytes: upload.bytes.length,
          sha256: sha256(upload.bytes),
          storage: storage.kind,
          content,
          uploaded_by: actor.userId,
        })
        .execute();
      await touchCaseActivity(trx, caseId);
      return getDocument(trx, caseId, id);
    });
  } catch (error) {
    // A file written for a row that was not committed is removed (the id is new: nothing else has it).
    await storage.discard(id);
    throw error;
  }
}

/** The bytes of a document with what the download needs (logged as an export of case content). */
export async function readDocumentContent(
  db: Db,
  storage: DocumentStorage,
  actor: Actor,
  caseId: string,
  documentId: string,
): Promise<{ document: CaseDocument; bytes: Buffer }> {
  return withCaseContent(db, actor, caseId, { action: 'export', recordType: DOCUMENT_RECORD }, async (trx) => {
    const document = await getDocument(trx, caseId, documentId);
    const stored = await trx.selectFrom('case_document').select(['storage', 'content']).where('id', '=', documentId).executeTakeFirstOrThrow();
    const bytes = await storage.get(documentId, stored);
    // A file changed or swapped in the folder is not served as the document that was uploaded.
    if (sha256(bytes) !== document.sha256) throw new Error(`case document ${documentId}: content does not match its sha256`);
    return { document, bytes };
  });
}

/** Withdraws a document (wrong file, superseded): it stays on record with who, when and why. */
export async function withdrawDocument(db: Db, actor: Actor, caseId: string, documentId: string, reason: string): Promise<CaseDocument> {
  return withCaseContent(db, actor, caseId, { action: 'update', recordType: DOCUMENT_RECORD, lock: true }, async (trx) => {
    const current = await getDocument(trx, caseId, documentId);
    if (current.withdrawn) {
      throw new AppError('CONFLICT', { message: { it: 'Il documento è già stato ritirato.', en: 'The document has already been withdrawn.' } });
    }
    await trx
      .updateTable('case_document')
      .set({ withdrawn_at: clock.now().toISOString(), withdrawn_by: actor.userId, withdrawal_reason: reason })
      .where('id', '=', documentId)
      .execute();
    await touchCaseActivity(trx, caseId);
    return getDocument(trx, caseId, documentId);
  });
}
