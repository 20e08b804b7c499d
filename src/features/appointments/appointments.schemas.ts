import { z } from 'zod';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES } from './appointments.codes.ts';

const istatCode = z.string().regex(/^\d{6}$/, 'istatCode');
const instant = z.iso.datetime({ offset: true });

export const AppointmentKind = z.enum(APPOINTMENT_KINDS);
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);

/** Longest appointment that can be booked, in minutes. */
export const MAX_APPOINTMENT_MINUTES = 240;
/** Kinds that do not take place in an office, so need no room. */
export const ROOMLESS_KINDS: readonly string[] = ['home_visit', 'phone_call'];

export const BookingInput = z.strictObject({
  personId: z.uuid(),
  workerId: z.uuid(),
  kind: AppointmentKind,
  startsAt: instant,
  endsAt: instant,
  /** Municipality whose service the appointment belongs to; defaults to the person's. */
  municipalityCode: istatCode.optional(),
  roomId: z.uuid().nullable().optional(),
  colleagueOnCallId: z.uuid().nullable().optional(),
  intakeItemId: z.uuid().nullable().optional(),
  accessId: z.uuid().nullable().optional(),
  notes: z.string().trim().max(500).nullable().optional(),
});
export type BookingInput = z.infer<typeof BookingInput>;

export const StatusChange = z.strictObject({
  status: z.enum(['held', 'no_show', 'cancelled']),
  /** Required when cancelling. */
  reason: z.string().trim().max(500).nullable().optional(),
  version: z.number().int().min(1),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const Appointment = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  personId: z.string(),
  personName: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  roomProtected: z.boolean().nullable(),
  officeName: z.string().nullable(),
  colleagueOnCallId: z.string().nullable(),
  colleagueOnCallName: z.string().nullable(),
  kind: AppointmentKind,
  startsAt: z.string(),
  endsAt: z.string(),
  status: AppointmentStatus,
  accessId: z.string().nullable(),
  intakeItemId: z.string().nullable(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
});
export type Appointment = z.infer<typeof Appointment>;

export const CalendarQuery = z.strictObject({
  workerId: z.uuid().optional(),
  roomId: z.uuid().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  includeCancelled: z.enum(['true', 'false']).optional(),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const FreeSlotsQuery = z.strictObject({
  workerId: z.uuid(),
  roomId: z.uuid().optional(),
  date: z.iso.date(),
  minutes: z.coerce.number().int().min(15).max(MAX_APPOINTMENT_MINUTES).default(60),
});
export type FreeSlotsQuery = z.infer<typeof FreeSlotsQuery>;

export const FreeSlot = z.object({ startsAt: z.string(), endsAt: z.string() });
export type FreeSlot = z.infer<typeof FreeSlot>;

export const StaffQuery = z.strictObject({
  municipalityCode: istatCode,
  /** social_worker: who may hold the appointment; staff: any colleague who may be on call. */
  kind: z.enum(['social_worker', 'staff']).default('social_worker'),
});
export type StaffQuery = z.infer<typeof StaffQuery>;

export const StaffMember = z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()) });
export type StaffMember = z.infer<typeof StaffMember>;

export const PersonAppointments = z.object({
  upcoming: z.array(Appointment),
  past: z.array(Appointment),
});
export type PersonAppointments = z.infer<typeof PersonAppointments>;
