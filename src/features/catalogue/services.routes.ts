import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { Ok } from '../../platform/auth/auth.schemas.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CSV_COLUMNS_TEXT } from './catalogue.codes.ts';
import { ArrangementInput, ArrangementParams, ServiceMap, ServiceMapQuery } from './arrangements.schemas.ts';
import { clearArrangement, serviceMap, setArrangement } from './arrangements.service.ts';
import { Arrangement, ImportQuery, ImportResult, ServiceDetail, ServiceInput } from './catalogue.schemas.ts';
import { exportCatalogue, importCatalogue } from './csv-import.service.ts';
import { CATALOGUE_MANAGE, CATALOGUE_READ } from './permissions.ts';
import { createService, getService, updateService } from './services.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 423: ErrorBody };
const tags = ['catalogue'];
const IdParams = z.strictObject({ id: z.uuid() });
/** A catalogue file of tens of thousands of services fits; the default body limit is for JSON forms. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const IMPORT_DESCRIPTION = [
  'Upserts services by code from a CSV file sent as `text/csv` (or `text/plain`), UTF-8 with or without BOM,',
  `fields separated by \`;\` or \`,\`, header \`${CSV_COLUMNS_TEXT}\`. kind, unit and need_areas are codes`,
  '(need areas separated by `|`); siuss_benefit_code and access_rules may be empty. All or nothing: any bad row',
  'gives a 400 whose `data.errors` lists every bad line with its reason (it/en). `?dryRun=true` only checks and counts.',
].join(' ');

export function servicesRoutes(app: App, { database: { db } }: AppContext): void {
  // CSV files arrive as they are; `text/plain` is already read as a string by Fastify.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });

  app.get(
    '/services/export.csv',
    { config: { permission: CATALOGUE_READ }, schema: { tags, response: { 200: z.string(), ...errors } } },
    async (_request, reply) =>
      reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="catalogo-servizi.csv"').send(await exportCatalogue(db)),
  );
  app.post(
    '/services/import',
    {
      config: { permission: CATALOGUE_MANAGE },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        description: IMPORT_DESCRIPTION,
        querystring: ImportQuery,
        body: z.string().max(IMPORT_BODY_LIMIT),
        response: { 200: ImportResult, ...errors },
      },
    },
    async (request) => importCatalogue(db, getActor(request), request.body, request.query.dryRun === 'true'),
  );
  app.get(
    '/services/:id',
    { config: { permission: CATALOGUE_READ }, schema: { tags, params: IdParams, response: { 200: ServiceDetail, ...errors } } },
    async (request) => getService(db, getActor(request), request.params.id),
  );
  app.post(
    '/services',
    { config: { permission: CATALOGUE_MANAGE }, schema: { tags, body: ServiceInput, response: { 200: ServiceDetail, ...errors } } },
    async (request) => createService(db, getActor(request), request.body),
  );
  app.put(
    '/services/:id',
    { config: { permission: CATALOGUE_MANAGE }, schema: { tags, params: IdParams, body: ServiceInput, response: { 200: ServiceDetail, ...errors } } },
    async (request) => updateService(db, getActor(request), request.params.id, request.body),
  );
  app.put(
    '/services/:id/arrangements/:municipalityCode',
    { config: { permission: CATALOGUE_MANAGE }, schema: { tags, params: ArrangementParams, body: ArrangementInput, response: { 200: Arrangement, ...errors } } },
    async (request) => setArrangement(db, getActor(request), request.params.id, request.params.municipalityCode, request.body),
  );
  app.delete(
    '/services/:id/arrangements/:municipalityCode',
    { config: { permission: CATALOGUE_MANAGE }, schema: { tags, params: ArrangementParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await clearArrangement(db, getActor(request), request.params.id, request.params.municipalityCode);
      return { ok: true as const };
    },
  );
  app.get(
    '/service-map',
    { config: { permission: CATALOGUE_MANAGE }, schema: { tags, querystring: ServiceMapQuery, response: { 200: ServiceMap, ...errors } } },
    async (request) => serviceMap(db, getActor(request), request.query.needArea),
  );
}
