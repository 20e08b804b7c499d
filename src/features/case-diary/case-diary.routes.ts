import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CASE_READ, CASE_WRITE } from '../cases/permissions.ts';
import { CorrectDiaryEntryBody, CreateDiaryEntryBody, DiaryEntry, DiaryHistory, DiaryListQuery, DiaryPage } from './case-diary.schemas.ts';
import * as service from './case-diary.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const CaseParams = z.strictObject({ id: z.uuid() });
const EntryParams = z.strictObject({ id: z.uuid(), entryId: z.uuid() });
const tags = ['case-diary'];

export function caseDiaryRoutes(app: App, { database: { db } }: AppContext): void {
  const read = { config: { permission: CASE_READ } };
  const write = { config: { permission: CASE_WRITE } };
  app.get('/cases/:id/diary', { ...read, schema: { tags, params: CaseParams, querystring: DiaryListQuery, response: { 200: DiaryPage, ...errors } } }, async (request) =>
    service.listDiary(db, getActor(request), request.params.id, request.query),
  );
  app.post('/cases/:id/diary', { ...write, schema: { tags, params: CaseParams, body: CreateDiaryEntryBody, response: { 200: DiaryEntry, ...errors } } }, async (request) =>
    service.addDiaryEntry(db, getActor(request), request.params.id, request.body),
  );
  app.post(
    '/cases/:id/diary/:entryId/corrections',
    { ...write, schema: { tags, params: EntryParams, body: CorrectDiaryEntryBody, response: { 200: DiaryEntry, ...errors } } },
    async (request) => service.correctDiaryEntry(db, getActor(request), request.params.id, request.params.entryId, request.body),
  );
  app.get('/cases/:id/diary/:entryId/history', { ...read, schema: { tags, params: EntryParams, response: { 200: DiaryHistory, ...errors } } }, async (request) =>
    service.diaryEntryHistory(db, getActor(request), request.params.id, request.params.entryId),
  );
}
