import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { withCaseContent } from '../cases/case-access.ts';
import { CASE_READ, CASE_WRITE } from '../cases/permissions.ts';
import {
  ClosureObjectives,
  CreatePlanBody,
  NewVersionBody,
  PdfQuery,
  PlanComparison,
  PlanOptions,
  PlanOverview,
  PlanVersion,
  PlanVersionParams,
  SavePlanBody,
  TransitionBody,
} from './care-plans.schemas.ts';
import * as service from './care-plans.service.ts';
import { currentPlanObjectives } from './closure-objectives.ts';
import { comparePlans } from './plan-compare.ts';
import { planOptions } from './plan-options.ts';
import { planPdf } from './plan-pdf.ts';
import { findPlanRow, planOverview, readPlanVersion } from './plan-read.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const IdParams = z.strictObject({ id: z.uuid() });
const tags = ['care-plans'];
const record = service.PLAN_RECORD;

export function carePlansRoutes(app: App, { database: { db } }: AppContext): void {
  const read = { config: { permission: CASE_READ } };
  const write = { config: { permission: CASE_WRITE } };

  app.get('/cases/:id/plan', { ...read, schema: { tags, params: IdParams, response: { 200: PlanOverview, ...errors } } }, async (request) =>
    withCaseContent(db, getActor(request), request.params.id, { action: 'read', recordType: record }, (trx) => planOverview(trx, request.params.id)),
  );
  app.post('/cases/:id/plan', { ...write, schema: { tags, params: IdParams, body: CreatePlanBody, response: { 200: PlanVersion, ...errors } } }, async (request) =>
    service.createPlan(db, getActor(request), request.params.id, request.body),
  );
  app.get('/cases/:id/plan/options', { ...write, schema: { tags, params: IdParams, response: { 200: PlanOptions, ...errors } } }, async (request) =>
    withCaseContent(db, getActor(request), request.params.id, { action: 'read', recordType: record }, planOptions),
  );
  app.get(
    '/cases/:id/closure-objectives',
    { ...write, schema: { tags, description: 'The objectives a closure of the case reports on: those of the plan version in force.', params: IdParams, response: { 200: ClosureObjectives, ...errors } } },
    async (request) => withCaseContent(db, getActor(request), request.params.id, { action: 'read', recordType: record }, (trx) => currentPlanObjectives(trx, request.params.id)),
  );
  app.get('/cases/:id/plan/versions/:n', { ...read, schema: { tags, params: PlanVersionParams, response: { 200: PlanVersion, ...errors } } }, async (request) =>
    withCaseContent(db, getActor(request), request.params.id, { action: 'read', recordType: record }, (trx) => readPlanVersion(trx, request.params.id, request.params.n)),
  );
  app.put('/cases/:id/plan/versions/:n', { ...write, schema: { tags, params: PlanVersionParams, body: SavePlanBody, response: { 200: PlanVersion, ...errors } } }, async (request) =>
    service.savePlan(db, getActor(request), request.params.id, request.params.n, request.body),
  );
  app.post('/cases/:id/plan/versions/:n/transition', { ...write, schema: { tags, params: PlanVersionParams, body: TransitionBody, response: { 200: PlanVersion, ...errors } } }, async (request) =>
    service.transitionPlan(db, getActor(request), request.params.id, request.params.n, request.body),
  );
  app.post('/cases/:id/plan/versions/:n/new-version', { ...write, schema: { tags, params: PlanVersionParams, body: NewVersionBody, response: { 200: PlanVersion, ...errors } } }, async (request) =>
    service.startNewVersion(db, getActor(request), request.params.id, request.params.n, request.body.version),
  );
  app.get('/cases/:id/plan/versions/:n/compare', { ...read, schema: { tags, params: PlanVersionParams, response: { 200: PlanComparison, ...errors } } }, async (request) => {
    const { id, n } = request.params;
    return withCaseContent(db, getActor(request), id, { action: 'read', recordType: record }, async (trx) => {
      const current = await readPlanVersion(trx, id, n);
      const previous = n > 1 && (await findPlanRow(trx, id, n - 1)) ? await readPlanVersion(trx, id, n - 1) : null;
      return { versionNumber: n, previousVersionNumber: previous?.versionNumber ?? null, sections: comparePlans(previous, current) };
    });
  });
  app.get(
    '/cases/:id/plan/versions/:n/pdf',
    { ...read, schema: { tags, description: 'The plan version printed to PDF (application/pdf), logged as a print.', params: PlanVersionParams, querystring: PdfQuery, response: { 200: z.unknown().describe('application/pdf'), ...errors } } },
    async (request, reply) => {
      const { id, n } = request.params;
      const pdf = await withCaseContent(db, getActor(request), id, { action: 'print', recordType: record }, async (trx) => planPdf(trx, await readPlanVersion(trx, id, n), request.query.lang));
      const name = request.query.lang === 'en' ? `personalised-project-v${String(n)}.pdf` : `progetto-personalizzato-v${String(n)}.pdf`;
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
    },
  );
}
