import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CASE_READ, CASE_WRITE } from '../cases/permissions.ts';
import { CaseDocument, DocumentLimits, WithdrawBody } from './case-documents.schemas.ts';
import * as service from './case-documents.service.ts';
import { documentStorage } from './document-storage.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 423: ErrorBody };
const CaseParams = z.strictObject({ id: z.uuid() });
const DocumentParams = z.strictObject({ id: z.uuid(), docId: z.uuid() });
const tags = ['case-documents'];

/** `attachment` with an ASCII fallback name and the real one in RFC 5987 form. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[^\x20-\x7e]/gu, '').replace(/["\\;]/gu, '_').trim() || 'documento';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const notMultipart = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', {
    message: { it: 'Inviare il documento come modulo multipart/form-data con il campo «file».', en: 'Send the document as multipart/form-data with a "file" field.' },
  });

export function caseDocumentsRoutes(app: App, { database: { db }, config }: AppContext): void {
  const storage = documentStorage(config.documentsDir);

  app.get(
    '/documents/limits',
    { config: { permission: CASE_WRITE }, schema: { tags, response: { 200: DocumentLimits, ...errors } } },
    async () => ({ maxBytes: config.documentMaxBytes }),
  );

  app.get(
    '/cases/:id/documents',
    { config: { permission: CASE_READ }, schema: { tags, params: CaseParams, response: { 200: z.array(CaseDocument), ...errors } } },
    async (request) => service.listDocuments(db, getActor(request), request.params.id),
  );

  // Multipart parsing only in this scope: every other route keeps JSON bodies and the 256 KiB limit.
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: config.documentMaxBytes, files: 1, fields: 10, fieldSize: 2000, parts: 12 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/cases/:id/documents',
      {
        config: { permission: CASE_WRITE },
        schema: {
          tags,
          description: `Attaches a file (multipart/form-data: fields "title", "category", then the part "file"). Type checked by content; at most TRAMA_DOCUMENT_MAX_BYTES (default 10 MiB).`,
          consumes: ['multipart/form-data'],
          params: CaseParams,
          response: { 200: CaseDocument, ...errors },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw notMultipart();
        const fields: Record<string, string> = {};
        let file: { filename: string; bytes: Buffer } | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              const bytes = await part.toBuffer();
              if (part.fieldname === 'file' && !file) file = { filename: part.filename, bytes };
            } else if (typeof part.value === 'string') {
              fields[part.fieldname] = part.value;
            }
          }
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw service.tooLarge(config.documentMaxBytes);
          throw error;
        }
        if (!file) throw new AppError('VALIDATION', { details: [{ path: 'file', message: 'Scegliere il file da allegare.', messageEn: 'Choose the file to attach.' }] });
        return service.uploadDocument(db, storage, getActor(request), request.params.id, { fields, ...file });
      },
    );
  });

  app.get(
    '/cases/:id/documents/:docId/content',
    {
      config: { permission: CASE_READ },
      schema: { tags, description: 'The bytes of the document, as an attachment with its detected media type.', params: DocumentParams, response: { 200: z.unknown(), ...errors } },
    },
    async (request, reply) => {
      const { document, bytes } = await service.readDocumentContent(db, storage, getActor(request), request.params.id, request.params.docId);
      return reply
        .type(document.mediaType)
        .header('content-disposition', attachmentDisposition(document.originalFilename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );

  app.post(
    '/cases/:id/documents/:docId/withdraw',
    { config: { permission: CASE_WRITE }, schema: { tags, params: DocumentParams, body: WithdrawBody, response: { 200: CaseDocument, ...errors } } },
    async (request) => service.withdrawDocument(db, getActor(request), request.params.id, request.params.docId, request.body.reason),
  );
}
