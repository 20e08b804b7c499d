import { z } from 'zod';
import { Ok } from '../../platform/auth/auth.schemas.ts';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { USERS_MANAGE } from './permissions.ts';
import { CreateUserBody, GrantInput, ProviderOption, SetPasswordBody, Team, TeamInput, UpdateUserBody, UserView } from './users.schemas.ts';
import * as grants from './grants.service.ts';
import * as teams from './teams.service.ts';
import * as service from './users.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['users'];
const config = { permission: USERS_MANAGE };
const IdParams = z.strictObject({ id: z.uuid() });

export function usersRoutes(app: App, { database: { db } }: AppContext): void {
  app.get('/users', { config, schema: { tags, response: { 200: z.array(UserView), ...errors } } }, async () => service.listUsers(db));
  app.post('/users', { config, schema: { tags, body: CreateUserBody, response: { 200: UserView, ...errors } } }, async (request) =>
    service.createUser(db, getActor(request), request.body),
  );
  app.patch(
    '/users/:id',
    { config, schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: UserView, ...errors } } },
    async (request) => service.updateUser(db, getActor(request), request.params.id, request.body),
  );
  app.post(
    '/users/:id/password',
    { config, schema: { tags, params: IdParams, body: SetPasswordBody, response: { 200: Ok, ...errors } } },
    async (request) => {
      await service.setPassword(db, getActor(request), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );
  app.post(
    '/users/:id/grants',
    { config, schema: { tags, params: IdParams, body: GrantInput, response: { 200: UserView, ...errors } } },
    async (request) => grants.addGrant(db, getActor(request), request.params.id, request.body),
  );
  app.delete(
    '/users/:id/grants/:grantId',
    { config, schema: { tags, params: z.strictObject({ id: z.uuid(), grantId: z.uuid() }), response: { 200: UserView, ...errors } } },
    async (request) => grants.removeGrant(db, getActor(request), request.params.id, request.params.grantId),
  );
  app.post(
    '/users/:id/revoke-sessions',
    { config, schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await service.revokeSessions(db, getActor(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.get('/users/provider-organisations', { config, schema: { tags, response: { 200: z.array(ProviderOption), ...errors } } }, async () =>
    service.listProviderOptions(db),
  );
  app.get('/teams', { config, schema: { tags, response: { 200: z.array(Team), ...errors } } }, async () => teams.listTeams(db));
  app.post('/teams', { config, schema: { tags, body: TeamInput, response: { 200: Team, ...errors } } }, async (request) =>
    teams.saveTeam(db, getActor(request), request.body),
  );
  app.put(
    '/teams/:id',
    { config, schema: { tags, params: IdParams, body: TeamInput, response: { 200: Team, ...errors } } },
    async (request) => teams.saveTeam(db, getActor(request), request.body, request.params.id),
  );
}
