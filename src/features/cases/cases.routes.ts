import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { coversRecord, scopeFor } from '../../platform/access/scope.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { breakGlass, breakGlassEvents } from './break-glass.service.ts';
import { loggingRefusal, requireCaseContent } from './case-access.ts';
import { readCase } from './case-detail.ts';
import * as changes from './case-changes.service.ts';
import {
  AddPersonBody,
  BreakGlassBody,
  BreakGlassGrant,
  CaseDetail,
  CaseListQuery,
  CaseListRow,
  CaseView,
  EligibleOwner,
  OpenCaseBody,
  OpenFromIntakeBody,
  StatusChangeBody,
  TransferBody,
  UpdateCaseBody,
  VersionBody,
} from './cases.schemas.ts';
import * as service from './cases.service.ts';
import { eligibleOwners } from './owners.ts';
import { CASE_EXISTS, CASE_MANAGE, CASE_READ, CASE_WRITE } from './permissions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const IdParams = z.strictObject({ id: z.uuid() });
const PersonParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });
const tags = ['cases'];
const OwnersQuery = z.strictObject({ municipalityCode: z.string().regex(/^\d{6}$/, 'istatCode') });

export function casesRoutes(app: App, { database: { db } }: AppContext): void {
  const write = { config: { permission: CASE_WRITE } };
  app.post('/cases', { ...write, schema: { tags, body: OpenCaseBody, response: { 200: CaseDetail, ...errors } } }, async (request) =>
    service.openCase(db, getActor(request), request.body),
  );
  app.post('/intake/:id/open-case', { ...write, schema: { tags, params: IdParams, body: OpenFromIntakeBody, response: { 200: CaseDetail, ...errors } } }, async (request) =>
    service.openFromIntake(db, getActor(request), request.params.id, request.body),
  );
  app.get('/cases', { config: { permission: CASE_READ }, schema: { tags, querystring: CaseListQuery, response: { 200: z.array(CaseListRow), ...errors } } }, async (request) =>
    service.listCases(db, getActor(request), request.query),
  );
  app.get('/cases/break-glass-events', { config: { permission: CASE_MANAGE }, schema: { tags, response: { 200: z.array(BreakGlassGrant), ...errors } } }, async (request) =>
    breakGlassEvents(db, getActor(request)),
  );
  app.get('/cases/eligible-owners', { ...write, schema: { tags, querystring: OwnersQuery, response: { 200: z.array(EligibleOwner), ...errors } } }, async (request) => {
    const { municipalityCode } = request.query;
    if (!coversRecord(scopeFor(getActor(request), CASE_WRITE), municipalityCode, null)) return [];
    return eligibleOwners(db, municipalityCode, null);
  });
  app.get('/cases/:id', { config: { permission: CASE_EXISTS }, schema: { tags, params: IdParams, response: { 200: CaseView, ...errors } } }, async (request) =>
    db.transaction().execute((trx) => readCase(trx, getActor(request), request.params.id)),
  );
  app.get('/cases/:id/eligible-owners', { config: { permission: CASE_WRITE }, schema: { tags, params: IdParams, response: { 200: z.array(EligibleOwner), ...errors } } }, async (request) =>
    loggingRefusal(db, getActor(request), { action: 'read', recordType: 'case' }, () =>
      db.transaction().execute(async (trx) => {
        const record = await requireCaseContent(trx, getActor(request), request.params.id);
        return eligibleOwners(trx, record.municipality_code, record.area_id);
      }),
    ),
  );
  app.patch('/cases/:id', { ...write, schema: { tags, params: IdParams, body: UpdateCaseBody, response: { 200: CaseDetail, ...errors } } }, async (request) =>
    changes.updateCase(db, getActor(request), request.params.id, request.body),
  );
  app.post('/cases/:id/status', { ...write, schema: { tags, params: IdParams, body: StatusChangeBody, response: { 200: CaseDetail, ...errors } } }, async (request) =>
    changes.changeStatus(db, getActor(request), request.params.id, request.body),
  );
  app.post('/cases/:id/transfer', { ...write, schema: { tags, params: IdParams, body: TransferBody, response: { 200: CaseDetail, ...errors } } }, async (request) =>
    changes.transferCase(db, getActor(request), request.params.id, request.body),
  );
  app.post('/cases/:id/persons', { ...write, schema: { tags, params: IdParams, body: AddPersonBody, response: { 200: CaseDetail, ...errors } } }, async (request) =>
    changes.addPerson(db, getActor(request), request.params.id, request.body),
  );
  app.post('/cases/:id/persons/:personId/remove', { ...write, schema: { tags, params: PersonParams, body: VersionBody, response: { 200: CaseDetail, ...errors } } }, async (request) =>
    changes.removePerson(db, getActor(request), request.params.id, request.params.personId, request.body.version),
  );
  app.post('/cases/:id/break-glass', { config: { permission: CASE_READ }, schema: { tags, params: IdParams, body: BreakGlassBody, response: { 200: CaseDetail, ...errors } } }, async (request) =>
    breakGlass(db, getActor(request), request.params.id, request.body),
  );
  app.get('/persons/:id/cases', { config: { permission: CASE_EXISTS }, schema: { tags, params: IdParams, response: { 200: z.array(CaseListRow), ...errors } } }, async (request) =>
    service.personCases(db, getActor(request), request.params.id),
  );
}
