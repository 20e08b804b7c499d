import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { CATALOGUE_MANAGE, CATALOGUE_READ } from './permissions.ts';
import { Provider, ProviderDetail, ProviderInput, ProviderListQuery } from './providers.schemas.ts';
import { getProvider, listProviders, myProvider, saveProvider } from './providers.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 423: ErrorBody };
const tags = ['catalogue'];
const IdParams = z.strictObject({ id: z.uuid() });

export function providersRoutes(app: App, { database: { db } }: AppContext): void {
  app.get(
    '/providers',
    { config: { permission: CATALOGUE_READ }, schema: { tags, querystring: ProviderListQuery, response: { 200: z.array(Provider), ...errors } } },
    async (request) => listProviders(db, { includeInactive: request.query.includeInactive === 'true' }),
  );
  app.get(
    '/providers/mine',
    { config: { permission: CATALOGUE_READ }, schema: { tags, response: { 200: ProviderDetail, ...errors } } },
    async (request) => myProvider(db, getActor(request)),
  );
  app.get(
    '/providers/:id',
    { config: { permission: CATALOGUE_READ }, schema: { tags, params: IdParams, response: { 200: ProviderDetail, ...errors } } },
    async (request) => getProvider(db, getActor(request), request.params.id),
  );
  app.post(
    '/providers',
    { config: { permission: CATALOGUE_MANAGE }, schema: { tags, body: ProviderInput, response: { 200: ProviderDetail, ...errors } } },
    async (request) => saveProvider(db, getActor(request), request.body),
  );
  app.put(
    '/providers/:id',
    { config: { permission: CATALOGUE_MANAGE }, schema: { tags, params: IdParams, body: ProviderInput, response: { 200: ProviderDetail, ...errors } } },
    async (request) => saveProvider(db, getActor(request), request.body, request.params.id),
  );
}
