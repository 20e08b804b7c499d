import type { z } from 'zod';
import type { Access, CreateAccessBody } from '../../../../src/features/accesses/accesses.schemas.ts';
import type { Channel, Involvement, Outcome, Urgency } from '../../../../src/features/accesses/accesses.codes.ts';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { clock } from '../../../../src/platform/time/clock.ts';

export type AccessFormState = {
  anonymous: boolean;
  anonymousDescription: string;
  beneficiary: ComboOption | null;
  requesterDiffers: boolean;
  requester: ComboOption | null;
  date: string;
  time: string;
  channel: Channel;
  municipalityCode: string;
  needAreaCode: string;
  request: string;
  outcome: Outcome;
  outcomeServiceId: string;
  outcomeNotes: string;
  referralUrgency: Urgency | '';
};

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

export function emptyAccessForm(beneficiary: ComboOption | null, municipalityCode = ''): AccessFormState {
  const now = clock.now();
  return {
    anonymous: false,
    anonymousDescription: '',
    beneficiary,
    requesterDiffers: false,
    requester: null,
    date: localDate(now),
    time: localTime(now),
    channel: 'in_person',
    municipalityCode,
    needAreaCode: '',
    request: '',
    outcome: 'information',
    outcomeServiceId: '',
    outcomeNotes: '',
    referralUrgency: '',
  };
}

/** The form of an access being edited (its persons are not edited here). */
export function accessToForm(access: Access): AccessFormState {
  const at = new Date(access.occurredAt);
  return {
    ...emptyAccessForm(null, access.municipalityCode),
    anonymous: access.persons.length === 0,
    anonymousDescription: access.anonymousDescription ?? '',
    date: localDate(at),
    time: localTime(at),
    channel: access.channel,
    needAreaCode: access.needAreaCode,
    request: access.request,
    outcome: access.outcome,
    outcomeServiceId: access.outcomeServiceId ?? '',
    outcomeNotes: access.outcomeNotes ?? '',
    referralUrgency: access.referralUrgency ?? '',
  };
}

export type AccessBody = z.input<typeof CreateAccessBody>;

export function toAccessBody(form: AccessFormState): AccessBody {
  const persons: { personId: string; involvement: Involvement }[] = [];
  if (!form.anonymous && form.beneficiary) persons.push({ personId: form.beneficiary.value, involvement: 'beneficiary' });
  if (!form.anonymous && form.requesterDiffers && form.requester) persons.push({ personId: form.requester.value, involvement: 'requester' });
  const takesService = form.outcome === 'orientation' || form.outcome === 'application_help';
  return {
    occurredAt: new Date(`${form.date}T${form.time}`).toISOString(),
    channel: form.channel,
    municipalityCode: form.municipalityCode,
    needAreaCode: form.needAreaCode,
    request: form.request.trim(),
    outcome: form.outcome,
    outcomeServiceId: takesService && form.outcomeServiceId ? form.outcomeServiceId : null,
    outcomeNotes: form.outcomeNotes.trim() || null,
    referralUrgency: form.outcome === 'referral' && form.referralUrgency ? form.referralUrgency : null,
    anonymousDescription: form.anonymousDescription.trim() || null,
    persons,
  };
}

type FieldKey = 'beneficiary' | 'requester' | 'anonymousDescription' | 'date' | 'channel' | 'municipality' | 'needArea' | 'request' | 'outcome' | 'service' | 'outcomeNotes' | 'urgency' | 'other';

/** Field id and label (`fields.*`) of each server path, so a server error lands on its field and in the summary. */
export const FIELD_OF_PATH: Record<string, readonly [string, FieldKey]> = {
  'persons.0.personId': ['access-beneficiary', 'beneficiary'],
  'persons.1.personId': ['access-requester', 'requester'],
  anonymousDescription: ['access-anonymous-description', 'anonymousDescription'],
  occurredAt: ['access-date', 'date'],
  channel: ['access-channel', 'channel'],
  municipalityCode: ['access-municipality', 'municipality'],
  needAreaCode: ['access-need-area', 'needArea'],
  request: ['access-request', 'request'],
  outcome: ['access-outcome', 'outcome'],
  outcomeServiceId: ['access-service', 'service'],
  outcomeNotes: ['access-notes', 'outcomeNotes'],
  referralUrgency: ['access-urgency', 'urgency'],
};

type Translate = (key: 'required' | 'choosePerson' | 'future' | 'serviceNeeded' | 'urgencyNeeded') => string;

/** What the browser can check before sending: each message keyed by server path. */
export function validateAccessForm(form: AccessFormState, t: Translate, editing: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = t('required');
  if (!editing && !form.anonymous && !form.beneficiary) errors['persons.0.personId'] = t('choosePerson');
  if (!editing && !form.anonymous && form.requesterDiffers && !form.requester) errors['persons.1.personId'] = t('choosePerson');
  if (form.anonymous && !form.anonymousDescription.trim()) errors.anonymousDescription = required;
  if (!form.date || !/^\d{2}:\d{2}$/.test(form.time)) errors.occurredAt = required;
  else if (new Date(`${form.date}T${form.time}`).getTime() > clock.nowMs() + 5 * 60_000) errors.occurredAt = t('future');
  if (!form.municipalityCode) errors.municipalityCode = required;
  if (!form.needAreaCode) errors.needAreaCode = required;
  if (!form.request.trim()) errors.request = required;
  if (form.outcome === 'orientation' && !form.outcomeServiceId) errors.outcomeServiceId = t('serviceNeeded');
  if (form.outcome === 'referral' && !form.referralUrgency) errors.referralUrgency = t('urgencyNeeded');
  return errors;
}
