import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { PUBLIC } from '../../platform/access/policy.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { listPublicCalls, readPublicCall } from './calls.public.ts';
import {
  CallListQuery,
  CorrectCallBody,
  CreateCallBody,
  PublicCall,
  PublicCallQuery,
  PublicCallSummary,
  PublishCallBody,
  StaffCall,
  StaffCallSummary,
  UpdateCallBody,
} from './calls.schemas.ts';
import { correctCall, createCall, listCalls, publishCall, readCall, updateCall } from './calls.service.ts';
import { CALLS_MANAGE, CALLS_READ } from './permissions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const CallParams = z.strictObject({ id: z.uuid() });

export function callsRoutes(app: App, { database: { db } }: AppContext): void {
  const read = { config: { permission: CALLS_READ } };
  const manage = { config: { permission: CALLS_MANAGE } };
  const tags = ['calls'];

  app.get('/calls', { ...read, schema: { tags, querystring: CallListQuery, response: { 200: z.array(StaffCallSummary), ...errors } } }, async (request) =>
    listCalls(db, getActor(request), request.query),
  );
  app.post('/calls', { ...manage, schema: { tags, body: CreateCallBody, response: { 200: StaffCall, ...errors } } }, async (request) => createCall(db, getActor(request), request.body));
  app.get('/calls/:id', { ...read, schema: { tags, params: CallParams, response: { 200: StaffCall, ...errors } } }, async (request) => readCall(db, getActor(request), request.params.id));
  app.put('/calls/:id', { ...manage, schema: { tags, params: CallParams, body: UpdateCallBody, response: { 200: StaffCall, ...errors } } }, async (request) =>
    updateCall(db, getActor(request), request.params.id, request.body),
  );
  app.post('/calls/:id/publish', { ...manage, schema: { tags, params: CallParams, body: PublishCallBody, response: { 200: StaffCall, ...errors } } }, async (request) =>
    publishCall(db, getActor(request), request.params.id, request.body),
  );
  app.post('/calls/:id/corrections', { ...manage, schema: { tags, params: CallParams, body: CorrectCallBody, response: { 200: StaffCall, ...errors } } }, async (request) =>
    correctCall(db, getActor(request), request.params.id, request.body),
  );

  // Published calls, for anyone: no login, only public fields.
  const open = { config: { permission: PUBLIC } };
  const publicTags = ['public'];
  app.get('/public/calls', { ...open, schema: { tags: publicTags, querystring: PublicCallQuery, response: { 200: z.array(PublicCallSummary), 400: ErrorBody } } }, async (request) =>
    listPublicCalls(db, request.query),
  );
  app.get('/public/calls/:id', { ...open, schema: { tags: publicTags, params: CallParams, response: { 200: PublicCall, 400: ErrorBody, 404: ErrorBody } } }, async (request) =>
    readPublicCall(db, request.params.id),
  );
}
