import { randomUUID } from 'node:crypto';
import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { workingDaysFrom } from '../../../demo/demo-time.ts';
import { romeInstant } from '../../../platform/time/rome.ts';
import { mulberry32 } from '../../registry/demo/person-generator.ts';
import type { Channel, IntakeCloseReason, Outcome, Urgency } from '../accesses.codes.ts';
import { ANONYMOUS_DESCRIPTIONS, OUTCOME_NOTES, REQUESTS } from './requests.ts';
import '../accesses.tables.ts';
import '../../catalogue/catalogue.tables.ts';
import '../../registry/registry.tables.ts';

const ACCESSES = 640;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Weighted<T extends string> = readonly (readonly [T, number])[];
const CHANNEL_WEIGHTS: Weighted<Channel> = [['in_person', 50], ['phone', 28], ['email', 10], ['online', 7], ['home_visit', 5]];
const NEED_WEIGHTS: Weighted<string> = [['ELD', 24], ['POV', 22], ['FAM', 20], ['DIS', 14], ['MULBEN', 8], ['IMMNOM', 7], ['ADD', 5]];
const OUTCOME_WEIGHTS: Weighted<Outcome> = [['information', 30], ['orientation', 20], ['referral', 20], ['application_help', 15], ['desk_procedure', 15]];
const URGENCY_WEIGHTS: Weighted<Urgency> = [['ordinary', 60], ['priority', 30], ['urgent', 10]];

function weighted<T extends string>(random: () => number, options: Weighted<T>): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return options[options.length - 1]![0];
}

const pick = <T,>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** An instant of desk hours (08:30–17:00 in Italy) on the working day `workingDaysAgo` before today. */
function deskTime(random: () => number, today: string, workingDaysAgo: number): string {
  const minutes = 8 * 60 + 30 + Math.floor(random() * 8.5 * 60);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return romeInstant(workingDaysFrom(today, workingDaysAgo), time).toISOString();
}

/**
 * About 640 accesses over the last twelve months across the Union's municipalities: a mix of channels,
 * areas and outcomes (about 20% referrals, the older ones mostly assigned), a few anonymous first
 * contacts awaiting a registered person. Deterministic for a given seed: dates count back from the demo's today in working days.
 */
export async function seedAccessesDemo(trx: Db, context: DemoContext): Promise<void> {
  const random = mulberry32(context.seed ^ 0x0acce55);
  const desk = context.userIds.sportello;
  const manager = context.userIds.responsabile;
  const workers = [context.userIds.assistente, context.userIds.assistente2].filter((id): id is string => Boolean(id));
  if (!desk || context.unionCodes.length === 0) return;
  const personRows = context.personIds.length
    ? await trx.selectFrom('person').select(['id', 'municipality_code']).where('id', 'in', context.personIds).execute()
    : [];
  const personsById = new Map(personRows.map((p) => [p.id, p]));
  const persons = context.personIds.flatMap((id) => personsById.get(id) ?? []);
  // The catalogue demo runs first when present; without services an orientation becomes information.
  const services = await trx.selectFrom('service as s').leftJoin('service_need_area as n', 'n.service_id', 's.id').select(['s.id', 'n.need_area_code']).where('s.is_active', '=', true).orderBy('s.code').execute();

  const accesses = [];
  const links = [];
  const intake = [];
  for (let i = 0; i < ACCESSES; i++) {
    const daysAgo = 1 + Math.floor(random() * 364);
    const anonymous = persons.length === 0 || random() < 0.03;
    const beneficiary = anonymous ? undefined : pick(random, persons);
    const municipality = beneficiary && random() < 0.9 ? beneficiary.municipality_code : pick(random, context.unionCodes);
    const needArea = weighted(random, NEED_WEIGHTS);
    let outcome = weighted(random, OUTCOME_WEIGHTS);
    const forArea = services.filter((s) => s.need_area_code === needArea);
    const service = outcome === 'orientation' || (outcome === 'application_help' && random() < 0.5) ? pick(random, forArea.length ? forArea : services) : undefined;
    if (outcome === 'orientation' && !service) outcome = 'information';
    const id = randomUUID();
    // Calendar days drawn, laid on working days: the same accesses in the same order on any date.
    const occurredAt = deskTime(random, context.today, Math.max(1, Math.round((daysAgo * 5) / 7)));
    const urgency = outcome === 'referral' ? weighted(random, URGENCY_WEIGHTS) : null;
    const recordedBy = random() < 0.9 ? desk : (workers[0] ?? desk);
    accesses.push({
      id,
      municipality_code: municipality,
      occurred_at: occurredAt,
      channel: weighted(random, CHANNEL_WEIGHTS),
      need_area_code: needArea,
      request: pick(random, REQUESTS[needArea] ?? REQUESTS.MULBEN!),
      anonymous_description: anonymous ? pick(random, ANONYMOUS_DESCRIPTIONS) : null,
      outcome,
      outcome_service_id: service?.id ?? null,
      outcome_notes: pick(random, OUTCOME_NOTES[outcome] ?? ['']) || null,
      referral_urgency: urgency,
      recorded_by: recordedBy,
      updated_by: recordedBy,
      created_at: occurredAt,
      updated_at: occurredAt,
    });
    if (beneficiary) {
      links.push({ access_id: id, person_id: beneficiary.id, involvement: 'beneficiary' as const, municipality_code: municipality, linked_by: recordedBy, linked_at: occurredAt });
      const requester = random() < 0.12 ? pick(random, persons) : undefined;
      if (requester && requester.id !== beneficiary.id) {
        links.push({ access_id: id, person_id: requester.id, involvement: 'requester' as const, municipality_code: municipality, linked_by: recordedBy, linked_at: occurredAt });
      }
    }
    if (urgency) {
      const roll = random();
      const assigned = workers.length > 0 && manager && (daysAgo > 20 ? roll < 0.7 : roll < 0.3);
      const closed = !assigned && daysAgo > 20 && roll < 0.85;
      const assignedAt = new Date(Math.min(Date.parse(occurredAt) + (1 + Math.floor(random() * 4)) * DAY_MS, context.now.getTime() - HOUR_MS)).toISOString();
      const reason: IntakeCloseReason = random() < 0.5 ? 'resolved' : 'not_pertinent';
      intake.push({
        access_id: id,
        municipality_code: municipality,
        urgency,
        referred_at: occurredAt,
        status: assigned ? ('assigned' as const) : closed ? ('closed' as const) : ('waiting' as const),
        assigned_to: assigned ? pick(random, workers) : null,
        assigned_by: assigned ? manager : null,
        assigned_at: assigned ? assignedAt : null,
        closed_at: closed ? assignedAt : null,
        close_reason: closed ? reason : null,
      });
    }
  }
  for (let start = 0; start < accesses.length; start += 200) await trx.insertInto('access_record').values(accesses.slice(start, start + 200)).execute();
  for (let start = 0; start < links.length; start += 500) await trx.insertInto('access_person').values(links.slice(start, start + 500)).execute();
  if (intake.length) await trx.insertInto('intake_item').values(intake).execute();
}
