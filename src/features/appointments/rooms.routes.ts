import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { reportsDb } from '../../platform/db/database.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import { APPOINTMENT_READ, ROOM_MANAGE, TIMELINESS_READ } from './permissions.ts';
import { Office, OfficeInput, OfficeListQuery, OfficeUpdate, Room, RoomInput } from './rooms.schemas.ts';
import * as rooms from './rooms.service.ts';
import { TimelinessQuery, TimelinessReport } from './timeliness.schemas.ts';
import { timeliness } from './timeliness.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 423: ErrorBody };
const IdParams = z.strictObject({ id: z.uuid() });

export function roomsRoutes(app: App, { database }: AppContext): void {
  const { db } = database;
  const tags = ['rooms'];
  app.get(
    '/offices',
    { config: { permission: APPOINTMENT_READ }, schema: { tags, querystring: OfficeListQuery, response: { 200: z.array(Office), ...errors } } },
    async (request) => rooms.listOffices(db, getActor(request), request.query),
  );
  app.post(
    '/offices',
    { config: { permission: ROOM_MANAGE }, schema: { tags, body: OfficeInput, response: { 200: Office, ...errors } } },
    async (request) => rooms.createOffice(db, getActor(request), request.body),
  );
  app.put(
    '/offices/:id',
    { config: { permission: ROOM_MANAGE }, schema: { tags, params: IdParams, body: OfficeUpdate, response: { 200: Office, ...errors } } },
    async (request) => rooms.updateOffice(db, getActor(request), request.params.id, request.body),
  );
  app.post(
    '/offices/:id/rooms',
    { config: { permission: ROOM_MANAGE }, schema: { tags, params: IdParams, body: RoomInput, response: { 200: Room, ...errors } } },
    async (request) => rooms.createRoom(db, getActor(request), request.params.id, request.body),
  );
  app.put(
    '/rooms/:id',
    { config: { permission: ROOM_MANAGE }, schema: { tags, params: IdParams, body: RoomInput, response: { 200: Room, ...errors } } },
    async (request) => rooms.updateRoom(db, getActor(request), request.params.id, request.body),
  );
  app.get(
    '/reports/timeliness',
    { config: { permission: TIMELINESS_READ }, schema: { tags: ['reports'], querystring: TimelinessQuery, response: { 200: TimelinessReport, ...errors } } },
    // Counts only, no personal data and no access log: the replica may answer, a moment behind the primary.
    async (request) => timeliness(reportsDb(database), getActor(request), request.query),
  );
}
