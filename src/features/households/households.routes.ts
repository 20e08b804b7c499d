import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { getPersonHousehold } from './households.read.ts';
import {
  AddMemberBody,
  CreateHouseholdBody,
  EndMemberBody,
  HouseholdParams,
  HouseholdSaved,
  MemberParams,
  PersonHousehold,
  RelationshipBody,
  UpdateHouseholdBody,
} from './households.schemas.ts';
import { createHousehold, updateHousehold } from './households.service.ts';
import { addMember, changeRelationship, endMember } from './members.service.ts';
import { HOUSEHOLD_READ, HOUSEHOLD_WRITE } from './permissions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const tags = ['households'];
const saved = { 200: HouseholdSaved, ...errors };
const write = { permission: HOUSEHOLD_WRITE };

export function householdRoutes(app: App, { database: { db } }: AppContext): void {
  app.get(
    '/persons/:id/household',
    { config: { permission: HOUSEHOLD_READ }, schema: { tags, params: z.strictObject({ id: z.uuid() }), response: { 200: PersonHousehold, ...errors } } },
    async (request) => getPersonHousehold(db, getActor(request), request.params.id),
  );
  app.post('/households', { config: write, schema: { tags, body: CreateHouseholdBody, response: saved } }, async (request) =>
    createHousehold(db, getActor(request), request.body),
  );
  app.put('/households/:id', { config: write, schema: { tags, params: HouseholdParams, body: UpdateHouseholdBody, response: saved } }, async (request) =>
    updateHousehold(db, getActor(request), request.params.id, request.body),
  );
  app.post('/households/:id/members', { config: write, schema: { tags, params: HouseholdParams, body: AddMemberBody, response: saved } }, async (request) =>
    addMember(db, getActor(request), request.params.id, request.body),
  );
  app.post(
    '/households/:id/members/:memberId/end',
    { config: write, schema: { tags, params: MemberParams, body: EndMemberBody, response: saved } },
    async (request) => endMember(db, getActor(request), request.params.id, request.params.memberId, request.body),
  );
  app.patch(
    '/households/:id/members/:memberId',
    { config: write, schema: { tags, params: MemberParams, body: RelationshipBody, response: saved } },
    async (request) => changeRelationship(db, getActor(request), request.params.id, request.params.memberId, request.body),
  );
}
