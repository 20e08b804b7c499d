/** The coded values of the appointments feature, shared by its tables, its zod schemas and the web client. */
export const APPOINTMENT_KINDS = ['first_interview', 'interview', 'home_visit', 'phone_call', 'other'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const APPOINTMENT_STATUSES = ['scheduled', 'held', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
