import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CASE_READ, CASE_WRITE } from '../cases/permissions.ts';
import { AddSuspensionBody, DeadlineQuery, DeadlineRow, DecisionBody, EndSuspensionBody, Procedure, StartProcedureBody, UpdateProcedureBody } from './procedures.schemas.ts';
import * as service from './procedures.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const CaseParams = z.strictObject({ id: z.uuid() });
const ProcedureParams = z.strictObject({ id: z.uuid(), procedureId: z.uuid() });
const SuspensionParams = z.strictObject({ id: z.uuid(), procedureId: z.uuid(), suspensionId: z.uuid() });
const tags = ['procedures'];

export function proceduresRoutes(app: App, { database: { db } }: AppContext): void {
  const read = { config: { permission: CASE_READ } };
  const write = { config: { permission: CASE_WRITE } };
  const one = { 200: Procedure, ...errors };
  /** Manager: the territory; social worker: own and team cases (fullAccessFilter). */
  app.get('/procedures/overdue', { ...read, schema: { tags, querystring: DeadlineQuery, response: { 200: z.array(DeadlineRow), ...errors } } }, async (request) =>
    service.deadlineList(db, getActor(request), request.query),
  );
  app.get('/cases/:id/procedures', { ...read, schema: { tags, params: CaseParams, response: { 200: z.array(Procedure), ...errors } } }, async (request) =>
    service.listProcedures(db, getActor(request), request.params.id),
  );
  app.post('/cases/:id/procedures', { ...write, schema: { tags, params: CaseParams, body: StartProcedureBody, response: one } }, async (request) =>
    service.startProcedure(db, getActor(request), request.params.id, request.body),
  );
  app.patch('/cases/:id/procedures/:procedureId', { ...write, schema: { tags, params: ProcedureParams, body: UpdateProcedureBody, response: one } }, async (request) =>
    service.updateProcedure(db, getActor(request), request.params.id, request.params.procedureId, request.body),
  );
  app.post('/cases/:id/procedures/:procedureId/suspensions', { ...write, schema: { tags, params: ProcedureParams, body: AddSuspensionBody, response: one } }, async (request) =>
    service.addSuspension(db, getActor(request), request.params.id, request.params.procedureId, request.body),
  );
  app.post('/cases/:id/procedures/:procedureId/suspensions/:suspensionId/end', { ...write, schema: { tags, params: SuspensionParams, body: EndSuspensionBody, response: one } }, async (request) =>
    service.endSuspension(db, getActor(request), request.params.id, request.params.procedureId, request.params.suspensionId, request.body),
  );
  app.post('/cases/:id/procedures/:procedureId/decision', { ...write, schema: { tags, params: ProcedureParams, body: DecisionBody, response: one } }, async (request) =>
    service.recordDecision(db, getActor(request), request.params.id, request.params.procedureId, request.body),
  );
}
