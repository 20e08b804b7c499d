/** The coded values of the accesses feature, shared by its tables, its zod schemas and the web client. */
export const CHANNELS = ['in_person', 'phone', 'email', 'online', 'home_visit'] as const;
export type Channel = (typeof CHANNELS)[number];
export const OUTCOMES = ['information', 'orientation', 'application_help', 'desk_procedure', 'referral'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const URGENCIES = ['ordinary', 'priority', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const INVOLVEMENTS = ['beneficiary', 'requester', 'other'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];
export const INTAKE_STATUSES = ['waiting', 'assigned', 'taken_in_charge', 'closed'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
/** Why an intake item was closed without (or after) taking charge. */
export const INTAKE_CLOSE_REASONS = ['not_pertinent', 'resolved', 'duplicate', 'withdrawn', 'other'] as const;
export type IntakeCloseReason = (typeof INTAKE_CLOSE_REASONS)[number];
/** Queue order: the most urgent first. */
export const URGENCY_RANK: Record<Urgency, number> = { urgent: 0, priority: 1, ordinary: 2 };
