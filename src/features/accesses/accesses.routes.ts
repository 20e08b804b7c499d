import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { reportsDb } from '../../platform/db/database.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { Access, AccessListQuery, AccessPage, CreateAccessBody, LinkPersonBody, UpdateAccessBody } from './accesses.schemas.ts';
import * as service from './accesses.service.ts';
import { createAccess } from './record-access.ts';
import { ACCESS_READ, ACCESS_STATS, ACCESS_WRITE } from './permissions.ts';
import { AccessStats, AccessStatsQuery } from './stats/stats.schemas.ts';
import { accessStats } from './stats/stats.service.ts';

export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
export const IdParams = z.strictObject({ id: z.uuid() });
const tags = ['accesses'];

export function accessesRoutes(app: App, { database }: AppContext): void {
  const { db } = database;
  app.post(
    '/accesses',
    { config: { permission: ACCESS_WRITE }, schema: { tags, body: CreateAccessBody, response: { 200: Access, ...errors } } },
    async (request) => createAccess(db, getActor(request), request.body),
  );
  app.get(
    '/accesses',
    { config: { permission: ACCESS_READ }, schema: { tags, querystring: AccessListQuery, response: { 200: AccessPage, ...errors } } },
    async (request) => service.listAccesses(db, getActor(request), request.query),
  );
  app.get(
    '/accesses/stats',
    { config: { permission: ACCESS_STATS }, schema: { tags, querystring: AccessStatsQuery, response: { 200: AccessStats, ...errors } } },
    // Counts only, no personal data and no access log: the replica may answer, a moment behind the primary.
    async (request) => accessStats(reportsDb(database), getActor(request), request.query),
  );
  app.get(
    '/accesses/:id',
    { config: { permission: ACCESS_READ }, schema: { tags, params: IdParams, response: { 200: Access, ...errors } } },
    async (request) => service.getAccess(db, getActor(request), request.params.id),
  );
  app.put(
    '/accesses/:id',
    { config: { permission: ACCESS_WRITE }, schema: { tags, params: IdParams, body: UpdateAccessBody, response: { 200: Access, ...errors } } },
    async (request) => service.updateAccess(db, getActor(request), request.params.id, request.body.access, request.body.version),
  );
  app.post(
    '/accesses/:id/persons',
    { config: { permission: ACCESS_WRITE }, schema: { tags, params: IdParams, body: LinkPersonBody, response: { 200: Access, ...errors } } },
    async (request) => service.linkPerson(db, getActor(request), request.params.id, request.body),
  );
  app.get(
    '/persons/:id/accesses',
    { config: { permission: ACCESS_READ }, schema: { tags, params: IdParams, response: { 200: z.array(Access), ...errors } } },
    async (request) => service.personAccesses(db, getActor(request), request.params.id),
  );
}
