import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { AdminLogPage, AdminLogQuery } from './admin-log.schemas.ts';
import { queryAdminLog } from './admin-log.service.ts';
import { ADMIN_LOG_READ } from './permissions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody };

export function adminLogRoutes(app: App, { database: { db } }: AppContext): void {
  app.get(
    '/admin-log',
    { config: { permission: ADMIN_LOG_READ }, schema: { tags: ['admin-log'], querystring: AdminLogQuery, response: { 200: AdminLogPage, ...errors } } },
    async (request) => queryAdminLog(db, getActor(request), request.query),
  );
}
