import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CASE_READ } from '../cases/permissions.ts';
import { WorklistPage, WorklistQuery, WorklistSection, WorklistSummary } from './worklist.schemas.ts';
import * as service from './worklist.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 423: ErrorBody };
const tags = ['worklist'];

export function worklistRoutes(app: App, { database: { db } }: AppContext): void {
  const read = { config: { permission: CASE_READ } };
  app.get('/worklist/summary', { ...read, schema: { tags, response: { 200: WorklistSummary, ...errors } } }, async (request) => service.worklistSummary(db, getActor(request)));
  app.post('/worklist/seen', { ...read, schema: { tags, response: { 200: WorklistSummary, ...errors } } }, async (request) => service.markSeen(db, getActor(request)));
  app.get(
    '/worklist/:section',
    { ...read, schema: { tags, params: z.strictObject({ section: WorklistSection }), querystring: WorklistQuery, response: { 200: WorklistPage, ...errors } } },
    async (request) => service.worklistPage(db, getActor(request), request.params.section, request.query),
  );
}
