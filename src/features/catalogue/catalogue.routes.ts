import { z } from 'zod';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { NeedArea, ServiceListQuery, ServiceSummary, SiussBenefit } from './catalogue.schemas.ts';
import * as service from './catalogue.service.ts';
import { CATALOGUE_READ } from './permissions.ts';
import { providersRoutes } from './providers.routes.ts';
import { servicesRoutes } from './services.routes.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 423: ErrorBody };
const tags = ['catalogue'];

export function catalogueRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  app.get(
    '/catalogue/need-areas',
    { config: { permission: CATALOGUE_READ }, schema: { tags, response: { 200: z.array(NeedArea), ...errors } } },
    async () => service.listNeedAreas(db),
  );
  app.get(
    '/catalogue/siuss-benefits',
    { config: { permission: CATALOGUE_READ }, schema: { tags, response: { 200: z.array(SiussBenefit), ...errors } } },
    async () => service.listSiussBenefits(db),
  );
  app.get(
    '/services',
    { config: { permission: CATALOGUE_READ }, schema: { tags, querystring: ServiceListQuery, response: { 200: z.array(ServiceSummary), ...errors } } },
    async (request) => service.listServices(db, request.query),
  );
  servicesRoutes(app, context);
  providersRoutes(app, context);
}
