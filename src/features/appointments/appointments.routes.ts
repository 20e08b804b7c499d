import { z } from 'zod';
import { getActor } from '../../platform/access/guard.ts';
import { coversRecord, scopeFor } from '../../platform/access/scope.ts';
import { ErrorBody } from '../../platform/http/error.schemas.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { App, AppContext } from '../../platform/http/feature.ts';
import {
  Appointment,
  BookingInput,
  CalendarQuery,
  FreeSlot,
  FreeSlotsQuery,
  PersonAppointments,
  StaffMember,
  StaffQuery,
  StatusChange,
} from './appointments.schemas.ts';
import * as service from './appointments.service.ts';
import { freeSlots } from './free-slots.service.ts';
import { APPOINTMENT_READ, APPOINTMENT_WRITE, SAFETY_WRITE } from './permissions.ts';
import { SafetyFlag, SafetyFlagInput } from './rooms.schemas.ts';
import { clearSafetyFlag, getSafetyFlag, setSafetyFlag } from './safety-flag.service.ts';
import { socialWorkersCovering, staffOf } from './staff.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 423: ErrorBody };
const tags = ['appointments'];
const IdParams = z.strictObject({ id: z.uuid() });

export function appointmentsRoutes(app: App, { database: { db } }: AppContext): void {
  app.get(
    '/appointments',
    { config: { permission: APPOINTMENT_READ }, schema: { tags, querystring: CalendarQuery, response: { 200: z.array(Appointment), ...errors } } },
    async (request) => service.calendar(db, getActor(request), request.query),
  );
  app.get(
    '/appointments/free-slots',
    { config: { permission: APPOINTMENT_READ }, schema: { tags, querystring: FreeSlotsQuery, response: { 200: z.array(FreeSlot), ...errors } } },
    async (request) => freeSlots(db, request.query),
  );
  app.get(
    '/appointments/staff',
    { config: { permission: APPOINTMENT_READ }, schema: { tags, querystring: StaffQuery, response: { 200: z.array(StaffMember), ...errors } } },
    async (request) => {
      const { municipalityCode, kind } = request.query;
      if (!coversRecord(scopeFor(getActor(request), APPOINTMENT_READ), municipalityCode, null)) {
        throw new AppError('FORBIDDEN', {
          message: { it: 'Il comune indicato non è tra i territori di competenza.', en: 'The municipality given is not among your territories.' },
        });
      }
      return kind === 'staff' ? staffOf(db, municipalityCode) : socialWorkersCovering(db, municipalityCode);
    },
  );
  app.post(
    '/appointments',
    { config: { permission: APPOINTMENT_WRITE }, schema: { tags, body: BookingInput, response: { 200: Appointment, ...errors } } },
    async (request) => service.bookAppointment(db, getActor(request), request.body),
  );
  app.get(
    '/appointments/:id',
    { config: { permission: APPOINTMENT_READ }, schema: { tags, params: IdParams, response: { 200: Appointment, ...errors } } },
    async (request) => service.getAppointment(db, getActor(request), request.params.id),
  );
  app.post(
    '/appointments/:id/status',
    { config: { permission: APPOINTMENT_WRITE }, schema: { tags, params: IdParams, body: StatusChange, response: { 200: Appointment, ...errors } } },
    async (request) => service.changeStatus(db, getActor(request), request.params.id, request.body),
  );
  app.get(
    '/persons/:id/appointments',
    { config: { permission: APPOINTMENT_READ }, schema: { tags, params: IdParams, response: { 200: PersonAppointments, ...errors } } },
    async (request) => service.personAppointments(db, getActor(request), request.params.id),
  );
  app.get(
    '/persons/:id/safety-flag',
    { config: { permission: APPOINTMENT_READ }, schema: { tags, params: IdParams, response: { 200: SafetyFlag, ...errors } } },
    async (request) => getSafetyFlag(db, getActor(request), request.params.id),
  );
  app.post(
    '/persons/:id/safety-flag',
    { config: { permission: SAFETY_WRITE }, schema: { tags, params: IdParams, body: SafetyFlagInput, response: { 200: SafetyFlag, ...errors } } },
    async (request) => setSafetyFlag(db, getActor(request), request.params.id, request.body.reason),
  );
  app.post(
    '/persons/:id/safety-flag/clear',
    { config: { permission: SAFETY_WRITE }, schema: { tags, params: IdParams, body: SafetyFlagInput, response: { 200: SafetyFlag, ...errors } } },
    async (request) => clearSafetyFlag(db, getActor(request), request.params.id, request.body.reason),
  );
}
