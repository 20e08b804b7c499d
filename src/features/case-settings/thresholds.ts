import { sql } from 'kysely';
import { INACTIVITY_DAYS, NEAR_DEADLINE_DAYS } from './case-settings.codes.ts';
import './case-settings.tables.ts';

/*
 * The manager's thresholds of case work, read where lists are built: as scalar subqueries, so a list
 * needs no extra round trip, with the codes' defaults should the settings row be missing.
 */

/** Days without activity after which an open case is flagged. */
export const inactivityDaysSql = sql<number>`coalesce((SELECT s.inactivity_days FROM case_settings s LIMIT 1), ${INACTIVITY_DAYS.default}::int)`;

/** Days before its legal deadline from which an undecided procedure is "near the deadline". */
export const nearDeadlineDaysSql = sql<number>`coalesce((SELECT s.near_deadline_days FROM case_settings s LIMIT 1), ${NEAR_DEADLINE_DAYS.default}::int)`;
