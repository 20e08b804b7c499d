import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { actingGrant, scopeFor } from '../../platform/access/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { toAccess, type AccessRow } from './access-row.ts';
import { checkAccessFields, requireFoundPersons, requireSomeone } from './access-rules.ts';
import type { Access, CreateAccessBody } from './accesses.schemas.ts';
import { INVOLVEMENTS } from './accesses.codes.ts';
import { ACCESS_WRITE } from './permissions.ts';

type InsertedRow = Omit<AccessRow, 'municipality_name' | 'recorded_by_name' | 'service_name' | 'intake_status' | 'assigned_to_name'>;

/**
 * Records an access: the desk's busiest write, in two round trips. One reads what the rules need; one
 * statement writes the access, its persons, the intake item of a referral and the access-log rows, so
 * they commit together or not at all. No BEGIN/COMMIT around the two: under READ COMMITTED a
 * transaction would hold no lock between the check and the write either, it would only cost two more
 * round trips.
 */
export async function createAccess(db: Db, actor: Actor, body: CreateAccessBody): Promise<Access> {
  const scope = scopeFor(actor, ACCESS_WRITE);
  requireSomeone(body.persons, body.anonymousDescription, 'anonymousDescription');
  const ids = body.persons.map((p) => p.personId);
  const facts = await checkAccessFields(db, scope, body, '', ids);
  const persons = requireFoundPersons(ids, facts.persons, (index) => `persons.${index}.personId`);
  const logged = persons.map((person) => ({ person, grant: actingGrant(scope, person.municipality_code) }));
  const referral = body.outcome === 'referral' && body.referralUrgency ? body.referralUrgency : null;
  const { rows } = await sql<InsertedRow>`
    WITH a AS (
      INSERT INTO access_record (occurred_at, channel, municipality_code, area_id, need_area_code, request, outcome,
        outcome_service_id, outcome_notes, referral_urgency, anonymous_description, recorded_by, updated_by)
      VALUES (${body.occurredAt}::timestamptz, ${body.channel}, ${body.municipalityCode}, ${body.areaId ?? null}::uuid, ${body.needAreaCode},
        ${body.request}, ${body.outcome}, ${body.outcomeServiceId ?? null}::uuid, ${body.outcomeNotes || null}, ${referral},
        ${body.anonymousDescription || null}, ${actor.userId}::uuid, ${actor.userId}::uuid)
      RETURNING *
    ), linked AS (
      INSERT INTO access_person (access_id, person_id, involvement, municipality_code, linked_by)
      SELECT a.id, x.person_id, x.involvement, a.municipality_code, ${actor.userId}::uuid
      FROM a, unnest(${ids}::uuid[], ${body.persons.map((p) => p.involvement)}::text[]) AS x(person_id, involvement)
    ), queued AS (
      INSERT INTO intake_item (access_id, municipality_code, area_id, urgency, referred_at)
      SELECT a.id, a.municipality_code, a.area_id, a.referral_urgency, a.occurred_at FROM a WHERE a.referral_urgency IS NOT NULL
      RETURNING id
    ), log AS (
      INSERT INTO access_log (user_id, role, grant_id, person_id, municipality_code, record_type, record_id, action, purpose, request_id, client_address)
      SELECT ${actor.userId}::uuid, x.role, x.grant_id, x.person_id, x.municipality_code, 'access', a.id::text, 'create',
        ${actor.purpose}, ${actor.requestId}, ${actor.clientAddress}
      FROM a, unnest(${logged.map((l) => l.person.id)}::uuid[], ${logged.map((l) => l.person.municipality_code)}::text[],
        ${logged.map((l) => l.grant?.role ?? 'unknown')}::text[], ${logged.map((l) => l.grant?.id ?? null)}::uuid[])
        AS x(person_id, municipality_code, role, grant_id)
    )
    SELECT a.*, (SELECT id FROM queued) AS intake_id FROM a`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('access_record insert returned no row');
  return toAccess(
    {
      ...row,
      municipality_name: facts.municipalityName ?? row.municipality_code,
      recorded_by_name: actor.displayName,
      service_name: facts.serviceName,
      intake_status: row.intake_id ? 'waiting' : null,
      assigned_to_name: null,
    },
    persons
      .map((person, index) => ({
        accessId: row.id,
        personId: person.id,
        involvement: body.persons[index]!.involvement,
        familyName: person.family_name,
        givenName: person.given_name,
        fiscalCode: person.fiscal_code,
        municipalityCode: person.municipality_code,
      }))
      .sort((a, b) => INVOLVEMENTS.indexOf(a.involvement) - INVOLVEMENTS.indexOf(b.involvement)),
  );
}
