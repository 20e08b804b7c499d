import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { AccessLogPage, AccessLogQuery } from '../../platform/audit/access-log.schemas.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { queryAccessLog } from './audit.service.ts';
import { AUDIT_READ } from './permissions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody };
const tags = ['audit'];

export function auditRoutes(app: App, { database: { db } }: AppContext): void {
  app.get(
    '/access-log',
    { config: { permission: AUDIT_READ }, schema: { tags, querystring: AccessLogQuery, response: { 200: AccessLogPage, ...errors } } },
    async (request) => queryAccessLog(db, getActor(request), request.query),
  );
  app.get(
    '/persons/:id/access-log',
    {
      config: { permission: AUDIT_READ },
      schema: { tags, params: z.strictObject({ id: z.uuid() }), querystring: AccessLogQuery.omit({ personId: true }), response: { 200: AccessLogPage, ...errors } },
    },
    async (request) => queryAccessLog(db, getActor(request), { ...request.query, personId: request.params.id }),
  );
}
