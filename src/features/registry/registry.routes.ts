import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { reportsDb } from '../../platform/db/database.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { personHistory } from './history.service.ts';
import { PERSON_READ, PERSON_WRITE, STATS_READ } from './permissions.ts';
import {
  CreatePersonBody,
  Person,
  PersonCheckResult,
  PersonHistoryEntry,
  PersonInput,
  PersonSearchQuery,
  PersonSearchResult,
  RegistryStats,
  UpdatePersonBody,
} from './registry.schemas.ts';
import * as service from './registry.service.ts';
import { registryStats } from './stats.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const tags = ['registry'];
const IdParams = z.strictObject({ id: z.uuid() });

export function registryRoutes(app: App, { database }: AppContext): void {
  const { db } = database;
  app.get(
    '/persons',
    { config: { permission: PERSON_READ }, schema: { tags, querystring: PersonSearchQuery, response: { 200: PersonSearchResult, ...errors } } },
    async (request) => service.searchPersons(db, getActor(request), request.query),
  );
  app.post(
    '/persons/check',
    { config: { permission: PERSON_WRITE }, schema: { tags, body: PersonInput, response: { 200: PersonCheckResult, ...errors } } },
    async (request) => service.checkPerson(db, getActor(request), request.body),
  );
  app.post(
    '/persons',
    { config: { permission: PERSON_WRITE }, schema: { tags, body: CreatePersonBody, response: { 200: Person, ...errors } } },
    async (request) => service.createPerson(db, getActor(request), request.body.person, request.body.confirmDuplicates),
  );
  app.get(
    '/persons/:id',
    { config: { permission: PERSON_READ }, schema: { tags, params: IdParams, response: { 200: Person, ...errors } } },
    async (request) => service.getPerson(db, getActor(request), request.params.id),
  );
  app.put(
    '/persons/:id',
    { config: { permission: PERSON_WRITE }, schema: { tags, params: IdParams, body: UpdatePersonBody, response: { 200: Person, ...errors } } },
    async (request) => service.updatePerson(db, getActor(request), request.params.id, request.body.person, request.body.version),
  );
  app.get(
    '/persons/:id/history',
    { config: { permission: PERSON_READ }, schema: { tags, params: IdParams, response: { 200: z.array(PersonHistoryEntry), ...errors } } },
    async (request) => personHistory(db, getActor(request), request.params.id),
  );
  app.get(
    '/registry/stats',
    { config: { permission: STATS_READ }, schema: { tags, response: { 200: RegistryStats, ...errors } } },
    // Counts only, no personal data and no access log: the replica may answer, a moment behind the primary.
    async (request) => registryStats(reportsDb(database), getActor(request)),
  );
}
