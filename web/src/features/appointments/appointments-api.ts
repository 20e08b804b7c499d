import type { z } from 'zod';
import type {
  Appointment,
  BookingInput,
  FreeSlot,
  PersonAppointments,
  StaffMember,
  StatusChange,
} from '../../../../src/features/appointments/appointments.schemas.ts';
import type { Office, OfficeInput, OfficeUpdate, Room, RoomInput, SafetyFlag } from '../../../../src/features/appointments/rooms.schemas.ts';
import type { TimelinessReport } from '../../../../src/features/appointments/timeliness.schemas.ts';
import { api, withQuery } from '../../platform/api/api-client.ts';

export type CalendarParams = { workerId?: string | undefined; roomId?: string | undefined; from: string; to: string; includeCancelled?: 'true' | undefined };

const personPath = (id: string) => `/persons/${encodeURIComponent(id)}`;

export const appointmentsApi = {
  calendar: (params: CalendarParams) => api.get<Appointment[]>(withQuery('/appointments', params)),
  freeSlots: (params: { workerId: string; roomId?: string | undefined; date: string; minutes: number }) =>
    api.get<FreeSlot[]>(withQuery('/appointments/free-slots', params)),
  staff: (municipalityCode: string, kind: 'social_worker' | 'staff') => api.get<StaffMember[]>(withQuery('/appointments/staff', { municipalityCode, kind })),
  book: (body: z.input<typeof BookingInput>) => api.post<Appointment>('/appointments', body),
  get: (id: string) => api.get<Appointment>(`/appointments/${encodeURIComponent(id)}`),
  changeStatus: (id: string, body: z.input<typeof StatusChange>) => api.post<Appointment>(`/appointments/${encodeURIComponent(id)}/status`, body),
  ofPerson: (personId: string, purpose?: string) => api.get<PersonAppointments>(`${personPath(personId)}/appointments`, { purpose }),
  safetyFlag: (personId: string, purpose?: string) => api.get<SafetyFlag>(`${personPath(personId)}/safety-flag`, { purpose }),
  setSafetyFlag: (personId: string, reason: string) => api.post<SafetyFlag>(`${personPath(personId)}/safety-flag`, { reason }),
  clearSafetyFlag: (personId: string, reason: string) => api.post<SafetyFlag>(`${personPath(personId)}/safety-flag/clear`, { reason }),
  offices: (params: { municipalityCode?: string | undefined; includeInactive?: 'true' | undefined } = {}) => api.get<Office[]>(withQuery('/offices', params)),
  createOffice: (body: z.input<typeof OfficeInput>) => api.post<Office>('/offices', body),
  updateOffice: (id: string, body: z.input<typeof OfficeUpdate>) => api.put<Office>(`/offices/${encodeURIComponent(id)}`, body),
  createRoom: (officeId: string, body: z.input<typeof RoomInput>) => api.post<Room>(`/offices/${encodeURIComponent(officeId)}/rooms`, body),
  updateRoom: (id: string, body: z.input<typeof RoomInput>) => api.put<Room>(`/rooms/${encodeURIComponent(id)}`, body),
  timeliness: (params: { from: string; to: string; groupBy: 'month' | 'quarter'; municipalityCode?: string | undefined }) =>
    api.get<TimelinessReport>(withQuery('/reports/timeliness', params)),
};
