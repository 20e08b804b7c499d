import { sql } from 'kysely';
import type { DemoContext } from '../../../demo/feature-demos.ts';
import type { Db } from '../../../platform/db/database.ts';
import { mulberry32 } from '../../registry/demo/person-generator.ts';
import type { CaseStatus } from '../cases.codes.ts';
import { nextReference } from '../cases.service.ts';
import '../cases.tables.ts';
import '../../accesses/accesses.tables.ts';
import { shiftDate } from '../../../platform/time/rome.ts';

/** The path each demo case walked, by its final status. */
const PATHS: Record<CaseStatus, CaseStatus[]> = {
  open: ['open'],
  assessing: ['open', 'assessing'],
  in_charge: ['open', 'assessing', 'in_charge'],
  suspended: ['open', 'assessing', 'in_charge', 'suspended'],
  closed: ['open', 'assessing', 'in_charge', 'closed'],
};
const SPREAD: CaseStatus[] = ['open', 'assessing', 'in_charge', 'in_charge', 'in_charge', 'suspended', 'closed'];
const REASONS: Record<CaseStatus, string> = {
  open: 'Presa in carico dall’invio dello sportello',
  assessing: 'Avviata la valutazione multidimensionale',
  in_charge: 'Progetto condiviso con la persona',
  suspended: 'Ricovero ospedaliero: interventi sospesi',
  closed: 'Obiettivi del progetto raggiunti',
};
const STORY_AT_HOME: CaseStatus[] = ['in_charge', 'assessing'];
const DAY = 86_400_000;

/**
 * Cases opened from two thirds of the assigned referrals of the accesses demo (waiting ones stay in the
 * queue), owned by assistente and assistente2 in the "Équipe adulti e anziani", statuses spread, a few
 * with the review date past. Does nothing when the accesses demo or the team is absent.
 */
export async function casesDemo(trx: Db, context: DemoContext): Promise<void> {
  const owners = [context.userIds.assistente, context.userIds.assistente2].filter((id): id is string => Boolean(id));
  const team = await trx.selectFrom('team').select('id').where('name', '=', 'Équipe adulti e anziani').executeTakeFirst();
  if (owners.length === 0) return;
  const items = await trx
    .selectFrom('intake_item as i')
    .innerJoin('access_record as a', 'a.id', 'i.access_id')
    .select(['i.id', 'i.access_id', 'i.municipality_code', 'i.area_id', 'i.referred_at', 'i.assigned_to', 'i.assigned_by', 'a.need_area_code'])
    .where('i.status', '=', 'assigned')
    .where(sql<boolean>`EXISTS (SELECT 1 FROM access_person ap WHERE ap.access_id = i.access_id)`)
    .orderBy('i.referred_at')
    .execute();
  const random = mulberry32(context.seed + 5);
  const opener = context.userIds.responsabile ?? owners[0]!;
  const now = context.now.getTime();
  const homeCases = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    if (index % 3 === 2) continue;
    const owner = item.assigned_to && owners.includes(item.assigned_to) ? item.assigned_to : owners[index % owners.length]!;
    const drawn = SPREAD[Math.floor(random() * SPREAD.length)]!;
    // The story the demo users find in their home municipality whatever the draw: a case in charge (the
    // care-plans demo gives it an active plan) and one being assessed (a draft plan), for each worker.
    const atHome = item.municipality_code === context.homeMunicipalityCode ? (homeCases.get(owner) ?? 0) : -1;
    if (atHome >= 0) homeCases.set(owner, atHome + 1);
    const status = STORY_AT_HOME[atHome] ?? drawn;
    const openedAt = new Date(Date.parse(item.referred_at) + (1 + Math.floor(random() * 10)) * DAY);
    if (openedAt.getTime() > now) openedAt.setTime(now - DAY);
    const reviewOffset = Math.floor(random() * 90) - 30;
    const created = await trx
      .insertInto('case_record')
      .values({
        reference: await nextReference(trx),
        municipality_code: item.municipality_code,
        area_id: item.area_id,
        status,
        owner_id: owner,
        team_id: team?.id ?? null,
        intake_item_id: item.id,
        need_area_codes: sql<string[]>`${[item.need_area_code]}::text[]`,
        next_review_on: status === 'closed' ? null : shiftDate(context.today, reviewOffset),
        last_activity_at: openedAt.toISOString(),
        opened_at: openedAt.toISOString(),
        opened_by: opener,
        closed_at: status === 'closed' ? new Date(Math.min(openedAt.getTime() + 20 * DAY, now)).toISOString() : null,
        closure_reason: status === 'closed' ? 'goals_achieved' : null,
        closure_outcome: status === 'closed' ? 'La persona ha recuperato autonomia con il sostegno domiciliare.' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const persons = await trx.selectFrom('access_person').select(['person_id', 'involvement', 'municipality_code']).where('access_id', '=', item.access_id).execute();
    await trx
      .insertInto('case_person')
      .values(persons.map((p) => ({ case_id: created.id, person_id: p.person_id, role: (p.involvement === 'beneficiary' ? 'beneficiary' : 'other'), municipality_code: p.municipality_code, added_by: opener })))
      .execute();
    await trx
      .insertInto('case_status_change')
      .values(
        PATHS[status].map((to, step, path) => ({
          case_id: created.id,
          from_status: step === 0 ? null : path[step - 1]!,
          to_status: to,
          reason: REASONS[to],
          changed_at: new Date(Math.min(now, openedAt.getTime() + step * 5 * DAY)).toISOString(),
          changed_by: step === 0 ? opener : owner,
        })),
      )
      .execute();
    await trx.updateTable('intake_item').set({ status: 'taken_in_charge' }).where('id', '=', item.id).execute();
  }
}
