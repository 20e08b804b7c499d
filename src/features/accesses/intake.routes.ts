import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { errors, IdParams } from './accesses.routes.ts';
import { AssignIntakeBody, CloseIntakeBody, EligibleWorker, IntakeItem, IntakeQuery } from './intake.schemas.ts';
import * as service from './intake.service.ts';
import { INTAKE_ASSIGN, INTAKE_READ } from './permissions.ts';

const tags = ['intake'];

export function intakeRoutes(app: App, { database: { db } }: AppContext): void {
  app.get(
    '/intake',
    { config: { permission: INTAKE_READ }, schema: { tags, querystring: IntakeQuery, response: { 200: z.array(IntakeItem), ...errors } } },
    async (request) => service.listIntake(db, getActor(request), request.query),
  );
  app.get(
    '/intake/:id/eligible-workers',
    { config: { permission: INTAKE_ASSIGN }, schema: { tags, params: IdParams, response: { 200: z.array(EligibleWorker), ...errors } } },
    async (request) => service.eligibleWorkers(db, getActor(request), request.params.id),
  );
  app.post(
    '/intake/:id/assign',
    { config: { permission: INTAKE_ASSIGN }, schema: { tags, params: IdParams, body: AssignIntakeBody, response: { 200: IntakeItem, ...errors } } },
    async (request) => service.assignIntake(db, getActor(request), request.params.id, request.body),
  );
  app.post(
    '/intake/:id/close',
    { config: { permission: INTAKE_READ }, schema: { tags, params: IdParams, body: CloseIntakeBody, response: { 200: IntakeItem, ...errors } } },
    async (request) => service.closeIntake(db, getActor(request), request.params.id, request.body),
  );
}
