import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CASE_READ, CASE_WRITE } from '../cases/permissions.ts';
import { Assessment, AssessmentBody, AssessmentSummary, NewAssessmentBody, SinaOption, VersionBody } from './assessments.schemas.ts';
import * as assessments from './assessments.service.ts';
import { meetingMinutesPdf } from './meeting-minutes.ts';
import { Meeting, MeetingInput, MeetingSummary, MeetingUpdate } from './meetings.schemas.ts';
import * as meetings from './meetings.service.ts';
import { sinaOptions } from './sina.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const CaseParams = z.strictObject({ id: z.uuid() });
const ItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

export function assessmentsRoutes(app: App, { database: { db } }: AppContext): void {
  const read = { config: { permission: CASE_READ } };
  const write = { config: { permission: CASE_WRITE } };
  let tags = ['assessments'];

  app.get('/assessments/sina-options', { ...read, schema: { tags, description: 'SIUSS SINA coded values (PS_PSA_SINA), Italian and English.', response: { 200: z.array(SinaOption), ...errors } } }, async () =>
    sinaOptions(),
  );
  app.get('/cases/:id/assessments', { ...read, schema: { tags, params: CaseParams, response: { 200: z.array(AssessmentSummary), ...errors } } }, async (request) =>
    assessments.listAssessments(db, getActor(request), request.params.id),
  );
  app.post('/cases/:id/assessments', { ...write, schema: { tags, params: CaseParams, body: NewAssessmentBody, response: { 200: Assessment, ...errors } } }, async (request) =>
    assessments.createAssessment(db, getActor(request), request.params.id, request.body),
  );
  app.get('/cases/:id/assessments/:itemId', { ...read, schema: { tags, params: ItemParams, response: { 200: Assessment, ...errors } } }, async (request) =>
    assessments.getAssessment(db, getActor(request), request.params.id, request.params.itemId),
  );
  app.put('/cases/:id/assessments/:itemId', { ...write, schema: { tags, params: ItemParams, body: AssessmentBody, response: { 200: Assessment, ...errors } } }, async (request) =>
    assessments.saveAssessment(db, getActor(request), request.params.id, request.params.itemId, request.body),
  );
  app.post('/cases/:id/assessments/:itemId/complete', { ...write, schema: { tags, params: ItemParams, body: VersionBody, response: { 200: Assessment, ...errors } } }, async (request) =>
    assessments.completeAssessment(db, getActor(request), request.params.id, request.params.itemId, request.body.version),
  );

  tags = ['assessment-meetings'];
  app.get('/cases/:id/meetings', { ...read, schema: { tags, params: CaseParams, response: { 200: z.array(MeetingSummary), ...errors } } }, async (request) =>
    meetings.listMeetings(db, getActor(request), request.params.id),
  );
  app.post('/cases/:id/meetings', { ...write, schema: { tags, params: CaseParams, body: MeetingInput, response: { 200: Meeting, ...errors } } }, async (request) =>
    meetings.createMeeting(db, getActor(request), request.params.id, request.body),
  );
  app.get('/cases/:id/meetings/:itemId', { ...read, schema: { tags, params: ItemParams, response: { 200: Meeting, ...errors } } }, async (request) =>
    meetings.getMeeting(db, getActor(request), request.params.id, request.params.itemId),
  );
  app.put('/cases/:id/meetings/:itemId', { ...write, schema: { tags, params: ItemParams, body: MeetingUpdate, response: { 200: Meeting, ...errors } } }, async (request) =>
    meetings.updateMeeting(db, getActor(request), request.params.id, request.params.itemId, request.body),
  );
  app.get(
    '/cases/:id/meetings/:itemId/minutes.pdf',
    { ...read, schema: { tags, description: 'The minutes (verbale) of the meeting as PDF (application/pdf); logged as print.', params: ItemParams, response: { 200: z.unknown().describe('application/pdf'), ...errors } } },
    async (request, reply) => {
      const pdf = await meetingMinutesPdf(db, getActor(request), request.params.id, request.params.itemId);
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="verbale-uvm.pdf"').send(pdf);
    },
  );
}
