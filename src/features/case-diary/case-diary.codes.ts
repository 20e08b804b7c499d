/** The coded values of the case diary, shared by its table, its zod schemas and the web client. */

/**
 * What an entry records: interview (colloquio), home visit (visita domiciliare), phone call (telefonata),
 * network meeting (incontro di rete), meeting with other services at the office, e-mail or letter, other.
 */
export const DIARY_KINDS = ['interview', 'home_visit', 'phone_call', 'network_meeting', 'service_meeting', 'correspondence', 'other'] as const;
export type DiaryKind = (typeof DIARY_KINDS)[number];

/** Limits of an entry, checked by the schema, the service and the table. */
export const DIARY_TEXT_MAX = 8000;
export const DIARY_MINUTES_MAX = 24 * 60;
export const DIARY_PARTICIPANTS_MAX = 30;

/** How many current entries the case page shows without another request. */
export const RECENT_DIARY_SIZE = 5;
