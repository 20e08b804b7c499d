import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { AUTHENTICATED } from '../../platform/access/policy.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { TERRITORIES_MANAGE } from './permissions.ts';
import { Area, AreaInput, ForeignCountry, Municipality, MunicipalityQuery, TerritoryGroup, TerritoryGroupInput } from './territories.schemas.ts';
import * as service from './territories.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['territories'];

export function territoriesRoutes(app: App, { database: { db } }: AppContext): void {
  app.get(
    '/territories/municipalities',
    { config: { permission: AUTHENTICATED }, schema: { tags, querystring: MunicipalityQuery, response: { 200: z.array(Municipality), ...errors } } },
    async (request) => service.listMunicipalities(db, request.query),
  );
  app.get(
    '/territories/foreign-countries',
    {
      config: { permission: AUTHENTICATED },
      schema: { tags, querystring: z.strictObject({ q: z.string().trim().max(100).optional() }), response: { 200: z.array(ForeignCountry), ...errors } },
    },
    async (request) => service.listForeignCountries(db, request.query.q),
  );
  app.get(
    '/territories/groups',
    { config: { permission: AUTHENTICATED }, schema: { tags, response: { 200: z.array(TerritoryGroup), ...errors } } },
    async () => service.listGroups(db),
  );
  app.post(
    '/territories/groups',
    { config: { permission: TERRITORIES_MANAGE }, schema: { tags, body: TerritoryGroupInput, response: { 200: TerritoryGroup, ...errors } } },
    async (request) => service.createGroup(db, getActor(request), request.body),
  );
  app.put(
    '/territories/groups/:id',
    {
      config: { permission: TERRITORIES_MANAGE },
      schema: { tags, params: z.strictObject({ id: z.uuid() }), body: TerritoryGroupInput, response: { 200: TerritoryGroup, ...errors } },
    },
    async (request) => service.updateGroup(db, getActor(request), request.params.id, request.body),
  );
  app.get(
    '/territories/areas',
    {
      config: { permission: AUTHENTICATED },
      schema: { tags, querystring: z.strictObject({ municipalityCode: z.string().regex(/^\d{6}$/, 'istatCode').optional() }), response: { 200: z.array(Area), ...errors } },
    },
    async (request) => service.listAreas(db, request.query.municipalityCode),
  );
  app.post(
    '/territories/areas',
    { config: { permission: TERRITORIES_MANAGE }, schema: { tags, body: AreaInput, response: { 200: Area, ...errors } } },
    async (request) => service.createArea(db, getActor(request), request.body),
  );
}
