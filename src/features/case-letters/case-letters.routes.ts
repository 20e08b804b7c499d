import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CASE_READ, CASE_WRITE } from '../cases/permissions.ts';
import { CaseLetter, CreateLetterBody, SendLetterBody, UpdateLetterBody } from './case-letters.schemas.ts';
import * as service from './case-letters.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const CaseParams = z.strictObject({ id: z.uuid() });
const LetterParams = z.strictObject({ id: z.uuid(), letterId: z.uuid() });
const tags = ['case-letters'];
const read = { permission: CASE_READ };
const write = { permission: CASE_WRITE };

const pdfName = (subject: string) =>
  `${subject.normalize('NFD').replace(/[^A-Za-z0-9]+/gu, '-').replace(/^-|-$/gu, '').toLowerCase().slice(0, 60) || 'lettera'}.pdf`;

export function caseLettersRoutes(app: App, { database: { db } }: AppContext): void {
  app.get('/cases/:id/letters', { config: read, schema: { tags, params: CaseParams, response: { 200: z.array(CaseLetter), ...errors } } }, async (request) =>
    service.listLetters(db, getActor(request), request.params.id),
  );
  app.post(
    '/cases/:id/letters',
    { config: write, schema: { tags, description: 'A new draft from a letter template, pre-filled with the case data.', params: CaseParams, body: CreateLetterBody, response: { 200: CaseLetter, ...errors } } },
    async (request) => service.createLetter(db, getActor(request), request.params.id, request.body.templateId),
  );
  app.get('/cases/:id/letters/:letterId', { config: read, schema: { tags, params: LetterParams, response: { 200: CaseLetter, ...errors } } }, async (request) =>
    service.readLetter(db, getActor(request), request.params.id, request.params.letterId),
  );
  app.put(
    '/cases/:id/letters/:letterId',
    { config: write, schema: { tags, description: 'Saves a draft; 412 with the current letter when `version` is stale.', params: LetterParams, body: UpdateLetterBody, response: { 200: CaseLetter, ...errors } } },
    async (request) => service.updateLetter(db, getActor(request), request.params.id, request.params.letterId, request.body),
  );
  app.post(
    '/cases/:id/letters/:letterId/send',
    { config: write, schema: { tags, description: 'Marks the draft sent (date, who, Gulpease index); it can no longer change.', params: LetterParams, body: SendLetterBody, response: { 200: CaseLetter, ...errors } } },
    async (request) => service.sendLetter(db, getActor(request), request.params.id, request.params.letterId, request.body.version),
  );
  app.get(
    '/cases/:id/letters/:letterId/pdf',
    { config: read, schema: { tags, description: 'The letter as a tagged A4 PDF (application/pdf).', params: LetterParams, response: { 200: z.unknown().describe('application/pdf'), ...errors } } },
    async (request, reply) => {
      const { letter, pdf } = await service.letterPdf(db, getActor(request), request.params.id, request.params.letterId);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdfName(letter.subject)}"`).send(pdf);
    },
  );
}
