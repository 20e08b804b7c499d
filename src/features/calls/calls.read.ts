import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { readability } from '../../platform/documents/gulpease.ts';
import { romeClock, romeDate } from '../../platform/time/rome.ts';
import type { CallPhase, CallStatus } from './calls.codes.ts';
import type { StaffCall, StaffCallSummary } from './calls.schemas.ts';
import './calls.tables.ts';
import '../catalogue/catalogue.tables.ts';
import '../territories/territories.tables.ts';
import '../users/users.tables.ts';

/** Where a call stands for applicants at `now`: null while a draft. */
export function phaseOf(status: CallStatus, opensAt: string | null, closesAt: string | null, now: Date): CallPhase | null {
  if (status === 'draft' || !opensAt || !closesAt) return null;
  if (status === 'closed' || now.getTime() >= Date.parse(closesAt)) return 'closed';
  return now.getTime() < Date.parse(opensAt) ? 'upcoming' : 'open';
}

/** An instant as the wall-clock time in Italy, 'YYYY-MM-DD HH:MM'. */
const inRome = (iso: string | null) => (iso ? `${romeDate(iso)} ${romeClock(iso)}` : null);

export function datesOf(opensAt: string | null, closesAt: string | null) {
  return { opensAt, closesAt, opensAtRome: inRome(opensAt), closesAtRome: inRome(closesAt) };
}

export function readabilityOf(text: string) {
  const { index, band, warning } = readability(text);
  return { index, band, warning };
}

/** Calls with their service and the version in force. */
export function callQuery(db: Db) {
  return db
    .selectFrom('call as c')
    .innerJoin('service as s', 's.id', 'c.service_id')
    .innerJoin('call_version as v', (join) => join.onRef('v.call_id', '=', 'c.id').onRef('v.version_number', '=', 'c.current_version_number'))
    .leftJoin('territory_group as g', 'g.id', 'c.territory_group_id')
    .select([
      'c.id',
      'c.service_id',
      's.name as service_name',
      'c.title_it',
      'c.title_en',
      'c.description_it',
      'c.description_en',
      'c.territory_group_id',
      'g.name as group_name',
      'c.status',
      'c.current_version_number',
      'c.created_by',
      'c.created_at',
      'c.updated_at',
      'c.version',
      'v.rules',
      'v.opens_at',
      'v.closes_at',
      'v.published_at',
      'v.correction_reason',
      // The group's name, or the municipalities listed: how the public lists name the territory.
      sql<string>`coalesce(g.name, (SELECT string_agg(m.name, ', ' ORDER BY m.name) FROM call_municipality cm JOIN municipality m ON m.istat_code = cm.municipality_code WHERE cm.call_id = c.id), '')`.as(
        'territory_name',
      ),
    ]);
}
export type CallRow = NonNullable<Awaited<ReturnType<ReturnType<typeof callQuery>['executeTakeFirst']>>>;

export function toSummary(row: CallRow, now: Date): StaffCallSummary {
  return {
    id: row.id,
    serviceName: row.service_name,
    title: { it: row.title_it, en: row.title_en },
    status: row.status,
    phase: phaseOf(row.status, row.opens_at, row.closes_at, now),
    versionNumber: row.current_version_number,
    ...datesOf(row.opens_at, row.closes_at),
    version: row.version,
  };
}

export async function municipalitiesOf(db: Db, callId: string): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('call_municipality as cm')
    .innerJoin('municipality as m', 'm.istat_code', 'cm.municipality_code')
    .select(['m.istat_code as code', 'm.name'])
    .where('cm.call_id', '=', callId)
    .orderBy('m.name')
    .execute();
}

export function versionsOf(db: Db, callId: string) {
  return db
    .selectFrom('call_version as v')
    .innerJoin('app_user as u', 'u.id', 'v.created_by')
    .select(['v.version_number', 'v.published_at', 'v.correction_reason', 'v.created_by', 'u.display_name', 'v.created_at'])
    .where('v.call_id', '=', callId)
    .orderBy('v.version_number')
    .execute();
}

/** The whole call as staff read it. */
export async function staffCall(db: Db, row: CallRow, now: Date): Promise<StaffCall> {
  // One query after the other: `db` may be a transaction's single connection.
  const municipalities = await municipalitiesOf(db, row.id);
  const versions = await versionsOf(db, row.id);
  const author = await db.selectFrom('app_user').select('display_name').where('id', '=', row.created_by).executeTakeFirstOrThrow();
  return {
    id: row.id,
    service: { id: row.service_id, name: row.service_name },
    title: { it: row.title_it, en: row.title_en },
    description: { it: row.description_it, en: row.description_en },
    descriptionReadability: readabilityOf(row.description_it),
    territory: { groupId: row.territory_group_id, groupName: row.group_name, municipalities },
    status: row.status,
    phase: phaseOf(row.status, row.opens_at, row.closes_at, now),
    current: {
      versionNumber: row.current_version_number,
      rules: row.rules,
      ...datesOf(row.opens_at, row.closes_at),
      publishedAt: row.published_at,
      correctionReason: row.correction_reason,
    },
    versions: versions.map((v) => ({
      versionNumber: v.version_number,
      publishedAt: v.published_at,
      correctionReason: v.correction_reason,
      createdBy: { id: v.created_by, displayName: v.display_name },
      createdAt: v.created_at,
    })),
    createdBy: { id: row.created_by, displayName: author.display_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
