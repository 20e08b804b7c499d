// One module each: the date-fns index would load all of its functions (~25 MB resident).
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { Bilingual } from '../../platform/http/errors.ts';
import type { ProcedureState } from './procedures.codes.ts';

/**
 * The deadline arithmetic of an administrative procedure, on calendar dates written 'YYYY-MM-DD'
 * (no times, no time zones). This module is the only place the deadline is computed: the service
 * stores its result (`case_procedure.due_on`, `suspended_since`) and the lists read those columns.
 *
 * - legal deadline = start date + legal days (calendar days, art. 2 L. 241/1990);
 * - a suspension runs from its start date to the day the term resumes (its end date): it moves the
 *   deadline by end − start days, so a suspension that starts and ends the same day moves nothing;
 * - while a suspension is open the count is paused: the days remaining stay those of its first day.
 */
export interface SuspensionSpan {
  startsOn: string;
  endsOn: string | null;
}

export interface DeadlineInput {
  startedOn: string;
  legalDays: number;
  suspensions: readonly SuspensionSpan[];
}

export interface Deadline {
  /** Start + legal days + the days of the ended suspensions. */
  dueOn: string;
  /** The start of the open suspension, if any: the count is paused since then. */
  pausedSince: string | null;
  /** Total days of the ended suspensions. */
  suspendedDays: number;
}

const day = (iso: string) => parseISO(iso);
export const addCalendarDays = (iso: string, days: number): string => format(addDays(day(iso), days), 'yyyy-MM-dd');
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(day(to), day(from));

export function computeDeadline(input: DeadlineInput): Deadline {
  let suspendedDays = 0;
  let pausedSince: string | null = null;
  for (const s of input.suspensions) {
    if (s.endsOn === null) pausedSince = s.startsOn;
    else suspendedDays += daysBetween(s.startsOn, s.endsOn);
  }
  return { dueOn: addCalendarDays(input.startedOn, input.legalDays + suspendedDays), pausedSince, suspendedDays };
}

/** Days left to the deadline on `today` (negative = overdue), frozen while paused; null once decided. */
export function daysRemaining(deadline: Pick<Deadline, 'dueOn' | 'pausedSince'>, today: string, decidedOn: string | null = null): number | null {
  if (decidedOn) return null;
  return daysBetween(deadline.pausedSince ?? today, deadline.dueOn);
}

/** Where the procedure stands on `today`, `nearDays` being the "near the deadline" threshold. */
export function procedureState(deadline: Pick<Deadline, 'dueOn' | 'pausedSince'>, today: string, decidedOn: string | null, nearDays: number): ProcedureState {
  if (decidedOn) return 'decided';
  if (deadline.pausedSince) return 'suspended';
  const left = daysBetween(today, deadline.dueOn);
  if (left < 0) return 'overdue';
  return left <= nearDays ? 'near' : 'running';
}

/** Whether a decision taken on `decidedOn` met the deadline (the deadline day itself is in time). */
export const decidedInTime = (dueOn: string, decidedOn: string): boolean => decidedOn <= dueOn;

export interface Problem {
  field: string;
  message: Bilingual;
}

/**
 * The rules on dates: suspensions after the start, none after the decision, ends not before starts,
 * no overlaps (one may start the day the previous one ends), at most one open and only the latest,
 * the decision not before the start, nor with a suspension open, nor before the end of one.
 * Returns the first problem found, or null.
 */
export function checkProcedureDates(input: { startedOn: string; decidedOn: string | null; suspensions: readonly SuspensionSpan[] }): Problem | null {
  const sorted = [...input.suspensions].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  let previousEnd: string | null = input.startedOn;
  for (const [index, s] of sorted.entries()) {
    if (s.startsOn < input.startedOn) {
      return { field: 'startsOn', message: { it: 'La sospensione non può iniziare prima dell’avvio del procedimento.', en: 'A suspension cannot start before the procedure started.' } };
    }
    if (s.endsOn !== null && s.endsOn < s.startsOn) {
      return { field: 'endsOn', message: { it: 'La fine della sospensione non può precedere il suo inizio.', en: 'A suspension cannot end before it starts.' } };
    }
    if (previousEnd === null || s.startsOn < previousEnd) {
      return { field: 'startsOn', message: { it: 'Le sospensioni non possono sovrapporsi.', en: 'Suspensions cannot overlap.' } };
    }
    if (s.endsOn === null && index < sorted.length - 1) {
      return { field: 'startsOn', message: { it: 'Le sospensioni non possono sovrapporsi.', en: 'Suspensions cannot overlap.' } };
    }
    previousEnd = s.endsOn;
  }
  if (input.decidedOn !== null) {
    if (input.decidedOn < input.startedOn) {
      return { field: 'decidedOn', message: { it: 'La decisione non può precedere l’avvio del procedimento.', en: 'The decision cannot precede the start of the procedure.' } };
    }
    if (previousEnd === null) {
      return { field: 'decidedOn', message: { it: 'Chiudere prima la sospensione in corso.', en: 'End the open suspension first.' } };
    }
    if (sorted.length > 0 && input.decidedOn < previousEnd) {
      return { field: 'decidedOn', message: { it: 'Le sospensioni devono cadere tra l’avvio e la decisione.', en: 'Suspensions must lie between the start and the decision.' } };
    }
  }
  return null;
}
