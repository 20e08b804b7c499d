import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import {
  AssessmentDimension,
  AssessmentDimensionInput,
  AssessmentDimensionUpdate,
  CaseSettings,
  CaseSettingsInput,
  LetterTemplate,
  LetterTemplateInput,
  ListQuery,
  ProcedureType,
  ProcedureTypeInput,
  ProcedureTypeUpdate,
} from './case-settings.schemas.ts';
import * as settings from './case-settings.service.ts';
import * as letters from './letter-templates.service.ts';
import { CASE_CONFIGURE, CASE_SETTINGS_READ } from './permissions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 423: ErrorBody };
const IdParams = z.strictObject({ id: z.uuid() });
const read = { permission: CASE_SETTINGS_READ };
const manage = { permission: CASE_CONFIGURE };

export function caseSettingsRoutes(app: App, { database: { db } }: AppContext): void {
  const tags = ['case-settings'];
  const base = '/case-settings';

  app.get(`${base}/procedure-types`, { config: read, schema: { tags, querystring: ListQuery, response: { 200: z.array(ProcedureType), ...errors } } }, async (request) =>
    settings.listProcedureTypes(db, request.query),
  );
  app.post(`${base}/procedure-types`, { config: manage, schema: { tags, body: ProcedureTypeInput, response: { 200: ProcedureType, ...errors } } }, async (request) =>
    settings.createProcedureType(db, getActor(request), request.body),
  );
  app.put(
    `${base}/procedure-types/:id`,
    { config: manage, schema: { tags, params: IdParams, body: ProcedureTypeUpdate, response: { 200: ProcedureType, ...errors } } },
    async (request) => settings.updateProcedureType(db, getActor(request), request.params.id, request.body),
  );

  app.get(
    `${base}/assessment-dimensions`,
    { config: read, schema: { tags, querystring: ListQuery, response: { 200: z.array(AssessmentDimension), ...errors } } },
    async (request) => settings.listAssessmentDimensions(db, request.query),
  );
  app.post(
    `${base}/assessment-dimensions`,
    { config: manage, schema: { tags, body: AssessmentDimensionInput, response: { 200: AssessmentDimension, ...errors } } },
    async (request) => settings.createAssessmentDimension(db, getActor(request), request.body),
  );
  app.put(
    `${base}/assessment-dimensions/:id`,
    { config: manage, schema: { tags, params: IdParams, body: AssessmentDimensionUpdate, response: { 200: AssessmentDimension, ...errors } } },
    async (request) => settings.updateAssessmentDimension(db, getActor(request), request.params.id, request.body),
  );

  app.get(`${base}/letter-templates`, { config: read, schema: { tags, querystring: ListQuery, response: { 200: z.array(LetterTemplate), ...errors } } }, async (request) =>
    letters.listLetterTemplates(db, request.query),
  );
  app.get(`${base}/letter-templates/:id`, { config: read, schema: { tags, params: IdParams, response: { 200: LetterTemplate, ...errors } } }, async (request) =>
    letters.getLetterTemplate(db, request.params.id),
  );
  app.post(`${base}/letter-templates`, { config: manage, schema: { tags, body: LetterTemplateInput, response: { 200: LetterTemplate, ...errors } } }, async (request) =>
    letters.createLetterTemplate(db, getActor(request), request.body),
  );
  app.put(
    `${base}/letter-templates/:id`,
    { config: manage, schema: { tags, params: IdParams, body: LetterTemplateInput, response: { 200: LetterTemplate, ...errors } } },
    async (request) => letters.updateLetterTemplate(db, getActor(request), request.params.id, request.body),
  );
  app.get(
    `${base}/letter-templates/:id/preview.pdf`,
    {
      config: read,
      schema: { tags, description: 'The template printed to PDF with sample data (application/pdf).', params: IdParams, response: { 200: z.unknown().describe('application/pdf'), ...errors } },
    },
    async (request, reply) => {
      const pdf = await letters.previewLetterTemplate(db, getActor(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="anteprima-lettera.pdf"').send(pdf);
    },
  );

  app.get(`${base}/settings`, { config: read, schema: { tags, response: { 200: CaseSettings, ...errors } } }, async () => settings.getCaseSettings(db));
  app.put(`${base}/settings`, { config: manage, schema: { tags, body: CaseSettingsInput, response: { 200: CaseSettings, ...errors } } }, async (request) =>
    settings.updateCaseSettings(db, getActor(request), request.body),
  );
}
